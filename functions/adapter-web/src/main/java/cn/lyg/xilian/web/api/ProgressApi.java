package cn.lyg.xilian.web.api;

import cn.lyg.xilian.web.api.ApiViews.SubmitResult;
import cn.lyg.xilian.web.api.ApiViews.TaskDetail;
import cn.lyg.xilian.web.api.ApiViews.TaskView;
import cn.lyg.xilian.web.api.ApiViews.UnitView;
import cn.lyg.xilian.web.http.BearerCaller;
import cn.lyg.xilian.web.http.BearerSubmitter;
import cn.lyg.xilian.web.http.ErrorBody;
import cn.lyg.xilian.web.http.IdempotencyHeader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The JSON API's progress routes as the OpenAPI document describes them ({@link ApiDocs}): {@link ApiController}
 * implements this. The operations' annotations are here, on an interface, because micronaut-openapi reads them from
 * there while Micronaut keeps none of them in the controller's route metadata (they would be read at every start).
 */
@ApiResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED,
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "500", description = ApiDocs.INTERNAL_ERROR,
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "503", description = ApiDocs.UNAVAILABLE,
        headers = @Header(name = "Retry-After", description = ApiDocs.RETRY_AFTER, schema = @Schema(type = "integer")),
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
interface ProgressApi {

    @Operation(operationId = "listUnits", tags = ApiDocs.TASKS, summary = "责任单位",
            description = "计划中的全部责任单位，按计划中的顺序。单位编号（id）用于其他接口的 unit 参数。",
            parameters = @Parameter(name = "year", in = ParameterIn.QUERY, description = ApiDocs.YEAR,
                    schema = @Schema(type = "string", pattern = ApiDocs.YEAR_PATTERN)))
    @ApiResponse(responseCode = "200", description = "全部责任单位",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = UnitView.class))))
    HttpResponse<?> units(@Parameter(hidden = true) BearerCaller caller);

    @Operation(operationId = "listTasks", tags = ApiDocs.TASKS, summary = "任务及各单位的最新进展",
            description = """
                    责任单位：本单位负责的任务，每项只含本单位的现状。统筹人员：全部任务和全部责任单位的现状；\
                    用 `unit` 只看某一单位负责的任务。每个单位的 `deadline` 是它的有效完成时限（有批准的延期时为延期后的\
                    日期），`deadlineText` 同时写出计划的日期。""",
            parameters = {@Parameter(name = "year", in = ParameterIn.QUERY, description = ApiDocs.YEAR,
                    schema = @Schema(type = "string", pattern = ApiDocs.YEAR_PATTERN)),
                    @Parameter(name = "unit", in = ParameterIn.QUERY, example = "donghai",
                    description = "只看该单位（单位编号）；责任单位只能写本单位", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "200", description = "任务列表，按计划中的顺序",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = TaskView.class))))
    @ApiResponse(responseCode = "403", description = "`FORBIDDEN_UNIT`：责任单位查询其他单位",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_UNIT`：计划中没有该单位",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> tasks(@Parameter(hidden = true) BearerCaller caller, String unit);

    @Operation(operationId = "getTask", tags = ApiDocs.TASKS, summary = "一项任务及其填报历史",
            description = """
                    任务及调用方可见的各单位现状，加一页填报历史（调用方可见的全部单位合在一起，新的在前）。\
                    `history` 和 `historyNext` 总是输出：没有历史时 `history` 为 `[]`；`historyNext` 是下一页（更早）的\
                    游标，作为 `cursor` 传回，最后一页为 `null`。责任单位只能查看本单位负责的任务，只看到本单位的现状和历史。""",
            parameters = {
                    @Parameter(name = "year", in = ParameterIn.QUERY, description = ApiDocs.YEAR,
                            schema = @Schema(type = "string", pattern = ApiDocs.YEAR_PATTERN)),
                    @Parameter(name = "id", in = ParameterIn.PATH, description = ApiDocs.TASK_ID, example = "2.8",
                            schema = @Schema(type = "string")),
                    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "每页条数，1到50，默认10",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "50", defaultValue = "10")),
                    @Parameter(name = "cursor", in = ParameterIn.QUERY, schema = @Schema(type = "string"),
                            description = "上一页应答中的 historyNext，原样传回；不传为第一页")
            })
    @ApiResponse(responseCode = "200", description = "任务和一页历史",
            content = @Content(schema = @Schema(implementation = TaskDetail.class)))
    @ApiResponse(responseCode = "400", description = "`BAD_LIMIT`：limit 不是1到50的整数；`BAD_CURSOR`：cursor 不是本服务给出的游标",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "`NOT_RESPONSIBLE`：本单位不是该任务的责任单位",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_TASK`：计划中没有该任务",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> task(@Parameter(hidden = true) BearerCaller caller, String id, String limit, String cursor);

    @Operation(operationId = "submitProgress", tags = ApiDocs.TASKS, summary = "填报进展（责任单位）",
            description = """
                    为本单位负责的任务填报一次进展。依次检查：请求体的 JSON（400）、计划年度（404 `NO_SUCH_YEAR`，\
                    已归档 409 `YEAR_ARCHIVED`，均不计入提交频率）、提交频率（429）、任务（404）、\
                    是否责任单位（403，统筹人员不填报）、幂等键（400），最后是各字段的值（422，一次列出全部字段错误）。\
                    只有 201 保存了新的填报；同一 Idempotency-Key、同一内容的重试返回 200 和原先保存的填报。\
                    状态为“受阻”或“滞后”的填报会立即通知统筹人员。""",
            parameters = {
                    @Parameter(name = "year", in = ParameterIn.QUERY, description = ApiDocs.YEAR,
                            schema = @Schema(type = "string", pattern = ApiDocs.YEAR_PATTERN)),
                    @Parameter(name = "id", in = ParameterIn.PATH, description = ApiDocs.TASK_ID, example = "2.8",
                            schema = @Schema(type = "string")),
                    @Parameter(name = IdempotencyHeader.NAME, in = ParameterIn.HEADER, required = true,
                            description = ApiDocs.KEY_TEXT, example = ApiDocs.KEY_EXAMPLE,
                            schema = @Schema(type = "string", pattern = ApiDocs.KEY_PATTERN))
            },
            requestBody = @RequestBody(required = true,
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = ApiBodies.ProgressReport.class))))
    @ApiResponse(responseCode = "413", description = ApiDocs.BODY_TOO_LARGE,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "415", description = ApiDocs.NOT_JSON,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "201", description = "已保存",
            content = @Content(schema = @Schema(implementation = SubmitResult.class)))
    @ApiResponse(responseCode = "200", description = "重试：这个键已保存过同一内容，返回原先保存的填报，未重复保存",
            content = @Content(schema = @Schema(implementation = SubmitResult.class)))
    @ApiResponse(responseCode = "400", description = ApiDocs.JSON_ERRORS
            + "；`IDEMPOTENCY_KEY_INVALID`：Idempotency-Key 缺少或格式不对",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "`NOT_RESPONSIBLE`：本单位不是该任务的责任单位（统筹人员不填报）",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_TASK`：计划中没有该任务",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "`IDEMPOTENCY_KEY_REUSED`：这个键已用于内容不同的填报，未保存",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "422", description = """
            字段的值不合要求，`fields` 列出全部：`STATUS_REQUIRED`、`STATUS_INVALID`（状态）；`PERCENT_REQUIRED`、\
            `PERCENT_NOT_A_NUMBER`、`PERCENT_OUT_OF_RANGE`、`PERCENT_DONE_MISMATCH`（百分比，已完成须为100）；\
            `PROGRESS_REQUIRED`、`PROGRESS_TOO_LONG`、`TEXT_TOO_LONG`、`TEXT_INVALID_CHARACTERS`（文字，含控制字符时）；\
            `FIGURES_NOT_AN_OBJECT`、`UNKNOWN_FIGURE`、`FIGURE_NOT_A_NUMBER`、`FIGURE_NEGATIVE`（指标数值）；\
            `PHONE_INVALID`（联系电话）；`FIELD_NOT_A_VALUE`（字段不是文本或数字）""",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "429", description = "`TOO_MANY_SUBMISSIONS`：该凭据本分钟的填报次数已满（网页和接口合计），"
            + "请按 Retry-After 一分钟后再试",
            headers = @Header(name = "Retry-After", description = "60（秒）",
                    schema = @Schema(type = "integer")),
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> submit(@Parameter(hidden = true) BearerSubmitter caller, HttpRequest<?> request, String id);
}
