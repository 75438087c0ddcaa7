package cn.lyg.xilian.web;

/**
 * What a page template takes: one record per template in src/main/jte ({@code @param XxxPage page}), so a misspelt
 * or missing value fails the build, not a request. {@link cn.lyg.xilian.web.http.Pages} renders each with its
 * template's generated class; sealed, so a page without its template (or the reverse) does not compile.
 */
public sealed interface PageModel permits BoardPage, CatalogPage, ConfirmationPage, CoordinatorPage,
        EvidenceUploadPage, InboxPage, LoginPage, MessagePage, MyTasksPage, RankingPage, SignInPage, TaskDetailPage,
        YearSummaryPage, AdminUnitsPage, AdminUnitPage, LinkIssuedPage, AdminCoordinatorsPage, AuditPage,
        AdminRobotsPage {
}
