namespace PrivacyKit;

/// <summary>Options that apply to every PrivacyKit feature.</summary>
public sealed class PrivacyKitOptions
{
    /// <summary>
    /// Gets or sets the name of the application. It scopes keys and audit chains so that two
    /// applications sharing one database never read each other's records.
    /// </summary>
    /// <value>Defaults to <c>"default"</c>. Letters, digits, '.', '-' and '_' only, at most 64 characters.</value>
    public string ApplicationName { get; set; } = "default";

    /// <summary>
    /// Gets or sets the identifier of this application instance. Each instance keeps its own audit
    /// chain, so no global sequence is needed across app servers.
    /// </summary>
    /// <value>Defaults to the machine name followed by the process id.</value>
    public string InstanceId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";
}
