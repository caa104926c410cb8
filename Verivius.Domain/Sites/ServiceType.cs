namespace Verivius.Domain.Sites;

/// <summary>The kind of registered service a site is.</summary>
public enum ServiceType
{
    CareHome,
    NursingHome,
    HomeCare,
    SupportedLiving,
    ExtraCareHousing,
    Other,
}
