using FluentValidation;
using KhcnTracker.Application.Catalogue;
using Microsoft.Extensions.DependencyInjection;

namespace KhcnTracker.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<SaveTargetValidator>(ServiceLifetime.Singleton);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ListUnits>();
        services.AddScoped<ListDocuments>();
        services.AddScoped<ListIndicators>();
        services.AddScoped<ListAgencies>();
        services.AddScoped<ConfirmAgencySuccessor>();
        services.AddScoped<SearchTargets>();
        services.AddScoped<GetTarget>();
        services.AddScoped<ListTasks>();
        services.AddScoped<SummarizeCatalogue>();
        services.AddScoped<SaveTarget>();
        services.AddScoped<ChangeCatalogueState>();
        services.AddScoped<SaveDocument>();
        services.AddScoped<SaveIndicator>();
        services.AddScoped<SaveTask>();
        services.AddScoped<Tasks.RecordTaskProgress>();
        services.AddScoped<Tasks.ListMyTasks>();
        services.AddScoped<Tasks.TaskProgressWorkflow>();
        services.AddScoped<Tasks.TaskEvidenceFiles>();
        services.AddScoped<Tasks.ListTaskReports>();
        services.AddScoped<Reporting.SaveValue>();
        services.AddScoped<Reporting.ValueWorkflow>();
        services.AddScoped<Reporting.ListValues>();
        services.AddScoped<Reporting.ListMyReporting>();
        services.AddScoped<Users.ManageUsers>();
        services.AddScoped<Reporting.Assignments>();
        services.AddScoped<Auditing.VerifyAuditChain>();
        services.AddScoped<Operations.GetInstanceStatus>();
        services.AddScoped<Reporting.EvidenceFiles>();
        services.AddScoped<Reporting.ListNotifications>();
        services.AddScoped<Reporting.Import.ImportValues>();
        services.AddScoped<Reporting.Import.ValueTemplate>();
        services.AddScoped<Progress.GetProgress>();
        services.AddScoped<Progress.GetProvinceOverview>();
        services.AddScoped<Progress.GetIndicatorProgress>();
        services.AddScoped<Progress.CompareProvinces>();
        services.AddScoped<Progress.GetNationalView>();
        services.AddScoped<Auditing.ListAuditLog>();
        services.AddScoped<Exports.BuildExport>();
        services.AddScoped<Reports.ReportNarratives>();
        services.AddScoped<Reports.BuildR57Report>();
        services.AddScoped<Reporting.Periods.ListPeriods>();
        services.AddScoped<Reporting.Periods.DefinePeriods>();
        services.AddScoped<Reporting.Periods.ChangePeriodState>();
        return services;
    }
}
