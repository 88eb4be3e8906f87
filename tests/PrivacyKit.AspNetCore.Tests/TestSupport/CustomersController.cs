using Microsoft.AspNetCore.Mvc;

namespace PrivacyKit.AspNetCore.Tests.TestSupport;

/// <summary>A controller of the test CRM, to prove the attributes work on controllers as well as minimal APIs.</summary>
[ApiController]
[Route("api/customers")]
public sealed class CustomersController : ControllerBase
{
    [HttpGet("{id}")]
    [RequirePermission("customers:read")]
    public IActionResult Get(string id) => Ok(new { id });

    [HttpPost("{id}/newsletter")]
    [RequirePermission("customers:read")]
    [RequireConsent("marketing", "id")]
    public IActionResult Newsletter(string id) => Ok(new { sent = id });

    [HttpPost("export")]
    [RequirePermission("requests:export")]
    [RequireStepUp]
    public IActionResult Export() => Ok(new { exported = true });
}
