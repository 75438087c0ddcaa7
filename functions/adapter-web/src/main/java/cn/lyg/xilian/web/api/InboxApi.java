package cn.lyg.xilian.web.api;

import cn.lyg.xilian.web.api.ApiViews.InboxView;
import cn.lyg.xilian.web.http.BearerCaller;
import cn.lyg.xilian.web.http.ErrorBody;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The coordinators' overviews as the OpenAPI document describes them, 待办 and 年度总结; {@link InboxApiController}
 * implements this.
 */
@ApiResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED,
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "500", description = ApiDocs.INTERNAL_ERROR,
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "503", description = ApiDocs.UNAVAILABLE,
        headers = @Header(name = "Retry-After", description = ApiDocs.RETRY_AFTER, schema = @Schema(type = "integer")),
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
interface InboxApi {

    @Operation(operationId = "getInbox", tags = ApiDocs.SUPERVISION, summary = "待办（统筹人员）",
            description = """
                    等待处理的事项：先列待统筹人员决定的（待审核的填报——只审核各单位的最新一次填报，更早的未审核填报视为已被取代；\
                    待审批的延期申请），再列待单位处理的（退回后尚未重新填报的、超期未报的单位、尚有单位未读的督办意见），\
                    各自等待最久的在前。`counts` 是筛选单位和板块后各类别的件数；`total` 是不加筛选的总件数，\
                    `forCoordinators` 是其中待统筹人员决定的件数（页面顶部“待办 N”）。""",
            parameters = {
                    @Parameter(name = "year", in = ParameterIn.QUERY, description = ApiDocs.YEAR,
                            schema = @Schema(type = "string", pattern = ApiDocs.YEAR_PATTERN)),
                    @Parameter(name = "unit", in = ParameterIn.QUERY, example = "donghai",
                            description = "只看涉及该单位的事项（单位编号）", schema = @Schema(type = "string")),
                    @Parameter(name = "section", in = ParameterIn.QUERY, example = "2",
                            description = "只看该部分的任务（部分编号）", schema = @Schema(type = "string")),
                    @Parameter(name = "kind", in = ParameterIn.QUERY, description = "只看一类事项",
                            schema = @Schema(type = "string",
                                    allowableValues = {"REVIEW", "EXTENSION", "RETURNED", "SILENT", "UNREAD"}))})
    @ApiResponse(responseCode = "200", description = "待办事项",
            content = @Content(schema = @Schema(implementation = InboxView.class)))
    @ApiResponse(responseCode = "400", description = "`BAD_FILTER`：类别不是所列之一、部分不存在，或某个筛选条件出现了多次",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "`COORDINATOR_ONLY`：仅统筹人员可查看待办",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_UNIT`：计划中没有该单位",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> inbox(@Parameter(hidden = true) BearerCaller caller,
                          @Parameter(hidden = true) HttpRequest<?> request);

    @Operation(operationId = "getYearSummary", tags = ApiDocs.SUPERVISION, summary = "年度总结（统筹人员）",
            description = """
                    一个计划年度截至今天（北京时间）的最终情况，与网页“年度总结”及其 Excel、Word 文件相同：总体情况、各单位合计\
                    和排名、各项任务各责任单位的完成情况（最终状态、进度、指标达标与否、按期或逾期——批准的延期计入、填报次数、\
                    审核结果），以及按单位汇总的存在问题。年度在路径中（不用 `year` 参数）：1月份仍可查看上一年度。""",
            parameters = @Parameter(name = "year", in = ParameterIn.PATH, description = "计划年度，四位数字",
                    example = "2026", schema = @Schema(type = "string", pattern = "^[0-9]{4}$")))
    @ApiResponse(responseCode = "200", description = "年度总结",
            content = @Content(schema = @Schema(implementation = ApiViews.YearSummaryView.class)))
    @ApiResponse(responseCode = "403", description = "`COORDINATOR_ONLY`：仅统筹人员可查看年度总结",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_YEAR`：年度不是四位数字；`NO_SUCH_YEAR`：本服务没有该年度的计划",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> summary(@Parameter(hidden = true) BearerCaller caller, String year);
}
