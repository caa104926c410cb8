using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Verivius.Infrastructure.History;
using Verivius.Infrastructure.Identity;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Api;
using Verivius.Web.Common;
using Verivius.Web.Demo;
using Verivius.Web.Documents;
using Verivius.Web.Features.Challenges;
using Verivius.Web.Features.Documents;
using Verivius.Web.Features.Documents.CommissionerUpdates;
using Verivius.Web.Features.Documents.GovernancePacks;
using Verivius.Web.Features.Oversight;
using Verivius.Web.Features.Trail;
using Verivius.Web.Features.Trail.AuditReport;
using Verivius.Web.Hosting;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web;

public static class DependencyInjection
{
    /// <summary>Everything the portal and its command-line verbs need beyond the infrastructure.</summary>
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddSingleton(security);
        services.AddSingleton(configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions());

        services.AddHttpContextAccessor();
        services.AddScoped<CurrentActor>();
        services.AddScoped<IActorContext>(sp => sp.GetRequiredService<CurrentActor>());
        services.AddScoped<SiteAccess>();
        services.AddScoped<Mail.MailComposer>();
        services.AddSingleton<Mail.UnsubscribeLinks>();
        services.AddScoped<Mail.MailReminders>();
        services.AddScoped<Mail.MailDeliverer>();
        services.AddScoped<SignedInSessions>();
        services.AddScoped<PasswordLinks>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<ChallengeRunner>();
        services.AddScoped<IDocumentComposer, GovernancePack>();
        services.AddScoped<IDocumentComposer, CommissionerUpdate>();
        services.AddScoped<IDocumentComposer, TrailAuditReport>();
        services.AddScoped<IDocumentComposer, OversightMinutesDocument>();
        services.AddScoped<TrailAuditor>();
        services.AddScoped<DocumentGenerator>();
        services.AddSingleton<DocumentRequests>();
        services.AddSingleton<DocumentScheduler>();
        services.AddSingleton<KeptFigures>();
        services.AddHostedService<QueuedWorker<DocumentRequests>>();
        services.AddSingleton<ChecksAfterImport>();
        services.AddHostedService<QueuedWorker<ChecksAfterImport>>();

        services.AddMediator((MediatorOptions options) => options.ServiceLifetime = ServiceLifetime.Scoped);
        services.AddAutoMapper(
            mapping => mapping.LicenseKey = configuration["AutoMapper:LicenseKey"],
            typeof(DependencyInjection).Assembly);

        AddIdentity(services, security, environment);

        // Every cookie the portal sets is Secure outside Development, not only the session's.
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = secure);
        services.Configure<CookieTempDataProviderOptions>(tempData => tempData.Cookie.SecurePolicy = secure);
        services.AddDataProtection()
            .SetApplicationName("Verivius")
            .PersistKeysToDbContext<VeriviusDbContext>()
            .ProtectKeysWithCertificate(KeyProtection.Certificate(configuration, environment.ContentRootPath));

        var featureFolders = new FeatureFolders();
        services.AddControllersWithViews(mvc =>
        {
            mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            mvc.Filters.Add<AccessExceptionFilter>();
            mvc.Filters.Add<MustChangePasswordFilter>();
            mvc.Filters.Add<SiteRouteScopeFilter>();
            mvc.Filters.Add<RefuseBadQueryFilter>();
            mvc.Conventions.Add(featureFolders);
        });
        services.Configure<RazorViewEngineOptions>(razor => razor.ViewLocationExpanders.Add(featureFolders));

        // No LowercaseUrls: links carry a site's own references (R-1, ACT-7), which are case-sensitive,
        // and every route's fixed part is written in lower case already.

        services.AddAuthorization(authorization =>
        {
            authorization.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .Build();
            ApiTokenAuthentication.AddPermissionPolicies(authorization);
        });
        services.AddRateLimiter(limiter =>
        {
            LoginRateLimit.Configure(limiter, security);
            ApiRateLimit.Configure(limiter, security);
        });
        services.AddApiDescription();

        // A pack sent with the wrong content type is told what to send (400), after its token is checked, not a bare 415.
        services.Configure<ApiBehaviorOptions>(api => api.SuppressConsumesConstraintForFormFileParameters = true);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.Configure<FormOptions>(forms => forms.MultipartBodyLengthLimit = security.MaxRequestBodyBytes);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = security.MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
        });
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        return services;
    }

    private static void AddIdentity(IServiceCollection services, SecurityOptions security, IHostEnvironment environment)
    {
        services.AddIdentity<VeriviusUser, IdentityRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;

                // Length, not composition, makes a password strong (NCSC and NIST guidance).
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 1;

                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<VeriviusDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName)
            .AddClaimsPrincipalFactory<DisplayNameClaims>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);

        services.Configure<DataProtectionTokenProviderOptions>(tokens => tokens.TokenLifespan = security.ResetLinkLifetime);
        services.Configure<InvitationTokenOptions>(tokens => tokens.TokenLifespan = security.InvitationLinkLifetime);

        // OWASP's current figure for PBKDF2-HMAC-SHA512, more than double Identity's default.
        services.Configure<PasswordHasherOptions>(hasher => hasher.IterationCount = 210_000);

        // A disabled account or a reset password ends open sessions within a minute, not half an hour.
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "verivius.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.ExpireTimeSpan = security.IdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/error/403";
            cookie.Events.OnValidatePrincipal = SessionLimits.ValidateAsync;

            // A signed-in person without the role gets a real 403 (and the 403 page), not a redirect.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
    }
}
