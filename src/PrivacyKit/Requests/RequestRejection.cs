namespace PrivacyKit.Requests;

/// <summary>Why a data subject request was refused: a documented ground and an optional non-personal note.</summary>
/// <remarks>
/// The note is stored with the request and written to the audit trail, so it must not be personal
/// (write "tax records, HGB § 257" rather than a name). PrivacyKit refuses notes that contain the
/// request's subject id, an e-mail address or a long run of digits.
/// </remarks>
public sealed record RequestRejection
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="ground">The legal ground.</param>
    /// <param name="note">A short non-personal explanation; required when <paramref name="ground"/> is <see cref="RejectionGround.Other"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ground"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException"><paramref name="ground"/> is <see cref="RejectionGround.Other"/> and <paramref name="note"/> is empty, or <paramref name="note"/> is longer than 500 characters.</exception>
    public RequestRejection(RejectionGround ground, string? note = null)
    {
        if (!Enum.IsDefined(ground))
        {
            throw new ArgumentOutOfRangeException(nameof(ground), ground, "Use a value defined by RejectionGround.");
        }

        if (ground == RejectionGround.Other && string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException("A rejection on ground Other needs a note that names the ground.", nameof(note));
        }

        if (note is { Length: > 500 })
        {
            throw new ArgumentException("A rejection note must be at most 500 characters.", nameof(note));
        }

        Ground = ground;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    /// <summary>Gets the legal ground.</summary>
    public RejectionGround Ground { get; }

    /// <summary>Gets the non-personal note, if any.</summary>
    public string? Note { get; }
}
