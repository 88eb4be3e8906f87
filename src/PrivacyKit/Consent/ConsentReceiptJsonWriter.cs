using System.Buffers;
using System.Text;
using System.Text.Json;
using PrivacyKit.Classification;

namespace PrivacyKit.Consent;

internal static class ConsentReceiptJsonWriter
{
    public static string Write(ConsentReceipt receipt)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, DataMapJsonWriter.Options))
        {
            w.WriteStartObject();
            w.WriteNumber("formatVersion", ConsentReceipt.FormatVersion);
            w.WriteString("subjectId", receipt.SubjectId);
            w.WriteString("issuedAt", receipt.IssuedAt);
            w.WriteBoolean("optedOutOfSaleOrSharing", receipt.IsOptedOutOfSaleOrSharing);
            w.WriteStartArray("purposes");
            foreach (var item in receipt.Purposes)
            {
                var p = item.Purpose;
                w.WriteStartObject();
                w.WriteString("id", p.Id);
                w.WriteString("description", p.Description);
                w.WriteString("lawfulBasis", DataMapJsonWriter.Camel(p.LawfulBasis.ToString()));
                w.WriteBoolean("saleOrSharing", p.IsSaleOrSharing);
                w.WriteBoolean("crossBorderTransfer", p.IsCrossBorderTransfer);
                w.WriteBoolean("sensitiveProcessing", p.IsSensitiveProcessing);
                w.WriteString("currentPolicyVersion", p.PolicyVersion);
                w.WriteString("currentPolicyTextHash", p.PolicyTextHash);
                w.WriteString("decision", DataMapJsonWriter.Camel(item.Decision.Reason.ToString()));
                w.WriteBoolean("allowed", item.Decision.IsAllowed);
                if (item.LastGrant is null)
                {
                    w.WriteNull("lastGrant");
                }
                else
                {
                    w.WritePropertyName("lastGrant");
                    WriteRecord(w, item.LastGrant);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("history");
            foreach (var record in receipt.History)
            {
                WriteRecord(w, record);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void WriteRecord(Utf8JsonWriter w, ConsentRecord r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("purposeId", r.PurposeId);
        w.WriteString("event", DataMapJsonWriter.Camel(r.Kind.ToString()));
        w.WriteString("occurredAt", r.OccurredAt);
        w.WriteString("policyVersion", r.PolicyVersion);
        w.WriteString("policyTextHash", r.PolicyTextHash);
        w.WriteString("source", DataMapJsonWriter.Camel(r.Source.ToString()));
        w.WriteString("proofReference", r.ProofReference);
        if (r.ExpiresAt is { } expiresAt)
        {
            w.WriteString("expiresAt", expiresAt);
        }
        else
        {
            w.WriteNull("expiresAt");
        }

        w.WriteEndObject();
    }
}
