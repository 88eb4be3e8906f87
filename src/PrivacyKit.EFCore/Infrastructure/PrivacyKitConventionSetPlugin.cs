using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using PrivacyKit.Access;
using PrivacyKit.EFCore.Encryption;
using PrivacyKit.EFCore.RowScope;
using PrivacyKit.Encryption;

namespace PrivacyKit.EFCore.Infrastructure;

/// <summary>
/// Adds PrivacyKit's model conventions, so the user's DbContext needs no ConfigureConventions override. Resolved
/// from EF's internal service provider with the options of the context that first builds the model.
/// </summary>
internal sealed class PrivacyKitConventionSetPlugin(IDbContextOptions options) : IConventionSetPlugin
{
    public ConventionSet ModifyConventions(ConventionSet conventionSet)
    {
        var extension = options.FindExtension<PrivacyKitOptionsExtension>();
        if (extension is null)
        {
            return conventionSet;
        }

        // First of the finalizing conventions: the user's configuration is complete, and EF's later conventions
        // (type mapping, shared-table column checks) see the shadow properties this one adds.
        var encryptor = extension.Runtime.Encryptor;
        conventionSet.ModelFinalizingConventions.Insert(0, new EncryptedPropertyConvention(extension.Settings, encryptor.GetEncryptedLength));

        // Row scope: a named query filter on every entity type the access-control options map (MapRowScope).
        if (extension.ApplicationServices.GetService(typeof(IRowScopeResolver)) is IRowScopeResolver resolver)
        {
            conventionSet.ModelFinalizingConventions.Add(new RowScopeConvention(resolver));
        }

        return conventionSet;
    }
}
