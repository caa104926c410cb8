using AutoMapper;
using Verivius.Domain.Sites;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Sites;

public sealed class SiteMappingProfile : Profile
{
    public SiteMappingProfile()
    {
        // ProviderName is filled by the queries that join the provider; lists within one provider leave it out.
        CreateMap<Site, SiteSummaryVm>()
            .ForMember(vm => vm.ServiceType, map => map.MapFrom(s => s.ServiceType.ToString()))
            .ForMember(vm => vm.ProviderName, map => map.Ignore());
    }
}
