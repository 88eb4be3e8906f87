using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyKit.Samples.Crm.Migrations
{
    /// <inheritdoc />
    public partial class AddPrivacyKit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_Email",
                table: "Customers");

            migrationBuilder.AddColumn<string>(
                name: "EmailBlindIndex",
                table: "Customers",
                type: "TEXT",
                maxLength: 44,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "privacykit_access_reviews",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AssignmentId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReviewerId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_privacykit_access_reviews", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "privacykit_audit_chain_heads",
                columns: table => new
                {
                    ChainId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_privacykit_audit_chain_heads", x => x.ChainId);
                });

            migrationBuilder.CreateTable(
                name: "privacykit_audit_records",
                columns: table => new
                {
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActorRoles = table.Column<string>(type: "TEXT", nullable: false),
                    OnBehalfOf = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResourceType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResourceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Fields = table.Column<string>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    TimestampUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    CorrelationId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Properties = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_privacykit_audit_records", x => new { x.InstanceId, x.Sequence });
                });

            migrationBuilder.CreateTable(
                name: "privacykit_consent_records",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PurposeId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PolicyVersion = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PolicyTextHash = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    ProofReference = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_privacykit_consent_records", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "privacykit_data_keys",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    KeyEncryptionKeyId = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Algorithm = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    WrappedKey = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ShreddedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_privacykit_data_keys", x => new { x.KeyId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "privacykit_legal_holds",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    EntityTypes = table.Column<string>(type: "TEXT", nullable: false),
                    PlacedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PlacedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReleasedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_privacykit_legal_holds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "privacykit_role_assignments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GrantedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LastUsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_privacykit_role_assignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "privacykit_subject_requests",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Regime = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", nullable: false),
                    Corrections = table.Column<string>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExtendedDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExtensionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReceiptConfirmationDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReceiptConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OptOutDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NextDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VerifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VerificationMethod = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RejectionGround = table.Column<int>(type: "INTEGER", nullable: true),
                    RejectionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_privacykit_subject_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "privacykit_subject_request_executions",
                columns: table => new
                {
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SourceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ErrorType = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Locations = table.Column<string>(type: "TEXT", nullable: false),
                    Export = table.Column<string>(type: "TEXT", nullable: true),
                    Changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_privacykit_subject_request_executions", x => new { x.RequestId, x.SourceName });
                    table.ForeignKey(
                        name: "FK_privacykit_subject_request_executions_privacykit_subject_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "privacykit_subject_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "privacykit_subject_request_transitions",
                columns: table => new
                {
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Command = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_privacykit_subject_request_transitions", x => new { x.RequestId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_privacykit_subject_request_transitions_privacykit_subject_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "privacykit_subject_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_EmailBlindIndex",
                table: "Customers",
                column: "EmailBlindIndex");

            migrationBuilder.CreateIndex(
                name: "IX_privacykit_access_reviews_AssignmentId",
                table: "privacykit_access_reviews",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_privacykit_access_reviews_Id",
                table: "privacykit_access_reviews",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_privacykit_audit_records_ActorId",
                table: "privacykit_audit_records",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_privacykit_audit_records_SubjectId",
                table: "privacykit_audit_records",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_privacykit_audit_records_TimestampUtcTicks",
                table: "privacykit_audit_records",
                column: "TimestampUtcTicks");

            migrationBuilder.CreateIndex(
                name: "IX_privacykit_consent_records_Id",
                table: "privacykit_consent_records",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_privacykit_consent_records_SubjectId_Sequence",
                table: "privacykit_consent_records",
                columns: new[] { "SubjectId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_privacykit_data_keys_Scope_Version",
                table: "privacykit_data_keys",
                columns: new[] { "Scope", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_privacykit_legal_holds_SubjectId",
                table: "privacykit_legal_holds",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_privacykit_role_assignments_ActorId",
                table: "privacykit_role_assignments",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_privacykit_subject_requests_ReceivedAt",
                table: "privacykit_subject_requests",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_privacykit_subject_requests_Status_NextDueAt",
                table: "privacykit_subject_requests",
                columns: new[] { "Status", "NextDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_privacykit_subject_requests_SubjectId",
                table: "privacykit_subject_requests",
                column: "SubjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "privacykit_access_reviews");

            migrationBuilder.DropTable(
                name: "privacykit_audit_chain_heads");

            migrationBuilder.DropTable(
                name: "privacykit_audit_records");

            migrationBuilder.DropTable(
                name: "privacykit_consent_records");

            migrationBuilder.DropTable(
                name: "privacykit_data_keys");

            migrationBuilder.DropTable(
                name: "privacykit_legal_holds");

            migrationBuilder.DropTable(
                name: "privacykit_role_assignments");

            migrationBuilder.DropTable(
                name: "privacykit_subject_request_executions");

            migrationBuilder.DropTable(
                name: "privacykit_subject_request_transitions");

            migrationBuilder.DropTable(
                name: "privacykit_subject_requests");

            migrationBuilder.DropIndex(
                name: "IX_Customers_EmailBlindIndex",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "EmailBlindIndex",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Email",
                table: "Customers",
                column: "Email");
        }
    }
}
