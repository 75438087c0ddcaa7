package cn.lyg.xilian.web.api;

import cn.lyg.xilian.core.supervision.TaskSupervision;
import cn.lyg.xilian.web.http.BearerCaller;
import cn.lyg.xilian.web.http.ErrorBody;
import cn.lyg.xilian.web.http.IdempotencyHeader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The JSON API's supervision routes as the OpenAPI document describes them ({@link ApiDocs}):
 * {@link SupervisionApiController} implements this (ProgressApi says why an interface).
 */
@ApiResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED,
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "500", description = ApiDocs.INTERNAL_ERROR,
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "503", description = ApiDocs.UNAVAILABLE,
        headers = @Header(name = "Retry-After", description = ApiDocs.RETRY_AFTER, schema = @Schema(type = "integer")),
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
interface SupervisionApi {

    @Operation(operationId = "getSupervision", tags = ApiDocs.SUPERVISION, summary = "任务的督查督办记录",
            description = """
                    该任务的审核（按“单位编号#填报的键”）、延期申请（新的在前）、督办意见（新的在前）和佐证材料，按调用方可见的范围：\
                    责任单位只看到本单位的。责任单位读取后，发给它的督办意见记为已读（`readKeys`）。""",
            parameters = {@Parameter(name = "year", in = ParameterIn.QUERY, description = ApiDocs.YEAR,
                    schema = @Schema(type = "string", pattern = ApiDocs.YEAR_PATTERN)),
                    @Parameter(name = "id", in = ParameterIn.PATH, description = ApiDocs.TASK_ID, example = "2.8",
                            schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "200", description = "督查督办记录",
            content = @Content(schema = @Schema(implementation = TaskSupervision.class)))
    @ApiResponse(responseCode = "403", description = "`NOT_RESPONSIBLE`：本单位不是该任务的责任单位",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_TASK`：计划中没有该任务",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> supervision(@Parameter(hidden = true) BearerCaller caller, String id);

    @Operation(operationId = "reviewSubmission", tags = ApiDocs.SUPERVISION, summary = "审核一次填报（统筹人员）",
            description = """
                    通过或退回某单位的一次填报。先检查 Idempotency-Key（400），再依次检查请求体（400）、身份（403）、任务（404）、\
                    各字段（422）和被审核的填报（404）。退回时立即邮件通知该单位，宽限期过后该单位在这项任务上记为未报，\
                    直到它再次填报。同一填报的同一决定（换了新键也一样）是重试（200）；已审核为另一决定的为 409 \
                    `ALREADY_REVIEWED`，审核不能更改。""",
            parameters = {
                    @Parameter(name = "year", in = ParameterIn.QUERY, description = ApiDocs.YEAR,
                            schema = @Schema(type = "string", pattern = ApiDocs.YEAR_PATTERN)),
                    @Parameter(name = "id", in = ParameterIn.PATH, description = ApiDocs.TASK_ID, example = "2.8",
                            schema = @Schema(type = "string")),
                    @Parameter(name = IdempotencyHeader.NAME, in = ParameterIn.HEADER, required = true,
                            description = ApiDocs.KEY_TEXT, example = ApiDocs.KEY_EXAMPLE,
                            schema = @Schema(type = "string", pattern = ApiDocs.KEY_PATTERN))
            },
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ApiBodies.ReviewRequest.class))))
    @ApiResponse(responseCode = "413", description = ApiDocs.BODY_TOO_LARGE,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "415", description = ApiDocs.NOT_JSON,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "201", description = "已保存",
            content = @Content(schema = @Schema(implementation = ApiBodies.ReviewResult.class)))
    @ApiResponse(responseCode = "200", description = "重试：该填报已有同一审核决定，返回原先的审核",
            content = @Content(schema = @Schema(implementation = ApiBodies.ReviewResult.class)))
    @ApiResponse(responseCode = "400", description = "`IDEMPOTENCY_KEY_INVALID`：Idempotency-Key 缺少或格式不对；"
            + ApiDocs.JSON_ERRORS, content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "`COORDINATOR_ONLY`：仅统筹人员可以审核",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_TASK`：计划中没有该任务；`SUBMISSION_NOT_FOUND`：没有该填报",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "`IDEMPOTENCY_KEY_REUSED`：这个键已用于内容不同的审核，未保存；"
            + "`ALREADY_REVIEWED`：该填报已审核为另一决定",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "422", description = "`DECISION_INVALID`：decision 须为 ACCEPTED 或 RETURNED；"
            + "`REASON_REQUIRED`：退回须写原因；`TEXT_TOO_LONG`、`TEXT_INVALID_CHARACTERS`：原因过长或含控制字符；"
            + "`FIELD_NOT_A_VALUE`：字段不是文本", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> review(@Parameter(hidden = true) BearerCaller caller, HttpRequest<?> request, String id);

    @Operation(operationId = "requestExtension", tags = ApiDocs.SUPERVISION, summary = "申请延期（责任单位）",
            description = """
                    为本单位负责的任务申请更晚的完成时限。一个单位在一项任务上同时只能有一份待审批的申请（409 \
                    `EXTENSION_PENDING`）。批准后，批准的日期成为该单位在这项任务上的完成时限（红黄绿灯、提醒、看板、周报和台账），\
                    并在计划的日期旁注明。""",
            parameters = {
                    @Parameter(name = "year", in = ParameterIn.QUERY, description = ApiDocs.YEAR,
                            schema = @Schema(type = "string", pattern = ApiDocs.YEAR_PATTERN)),
                    @Parameter(name = "id", in = ParameterIn.PATH, description = ApiDocs.TASK_ID, example = "2.8",
                            schema = @Schema(type = "string")),
                    @Parameter(name = IdempotencyHeader.NAME, in = ParameterIn.HEADER, required = true,
                            description = ApiDocs.KEY_TEXT, example = ApiDocs.KEY_EXAMPLE,
                            schema = @Schema(type = "string", pattern = ApiDocs.KEY_PATTERN))
            },
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ApiBodies.ExtensionRequest.class))))
    @ApiResponse(responseCode = "413", description = ApiDocs.BODY_TOO_LARGE,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "415", description = ApiDocs.NOT_JSON,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "201", description = "已保存，等待审批",
            content = @Content(schema = @Schema(implementation = ApiBodies.ExtensionResult.class)))
    @ApiResponse(responseCode = "200", description = "重试：返回原先保存的申请",
            content = @Content(schema = @Schema(implementation = ApiBodies.ExtensionResult.class)))
    @ApiResponse(responseCode = "400", description = "`IDEMPOTENCY_KEY_INVALID`：Idempotency-Key 缺少或格式不对；"
            + ApiDocs.JSON_ERRORS, content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "`NOT_RESPONSIBLE`：只有该任务的责任单位可以申请",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_TASK`：计划中没有该任务",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "`IDEMPOTENCY_KEY_REUSED`：这个键已用于内容不同的申请；"
            + "`EXTENSION_PENDING`：本单位在该任务上已有待审批的申请",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "422", description = "`DATE_REQUIRED`、`DATE_INVALID`：日期缺少或不是“年-月-日”；"
            + "`DATE_NOT_LATER`：须晚于计划的完成时限；`REASON_REQUIRED`：须写理由；`TEXT_TOO_LONG`、"
            + "`TEXT_INVALID_CHARACTERS`：理由过长或含控制字符；`FIELD_NOT_A_VALUE`：字段不是文本",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> requestExtension(@Parameter(hidden = true) BearerCaller caller, HttpRequest<?> request, String id);

    @Operation(operationId = "decideExtension", tags = ApiDocs.SUPERVISION, summary = "审批延期申请（统筹人员）",
            description = """
                    批准（可另定日期）或不予批准一份延期申请。不带 Idempotency-Key：地址中的申请已标识它，同一决定再次提交是\
                    重试（200）；已作出另一决定的为 409 `EXTENSION_DECIDED`，决定不能更改。""",
            parameters = {
                    @Parameter(name = "year", in = ParameterIn.QUERY, description = ApiDocs.YEAR,
                            schema = @Schema(type = "string", pattern = ApiDocs.YEAR_PATTERN)),
                    @Parameter(name = "id", in = ParameterIn.PATH, description = ApiDocs.TASK_ID, example = "2.8",
                            schema = @Schema(type = "string")),
                    @Parameter(name = "unit", in = ParameterIn.PATH, description = "申请的单位编号", example = "donghai",
                            schema = @Schema(type = "string")),
                    @Parameter(name = "key", in = ParameterIn.PATH, description = "申请的键（申请时的 Idempotency-Key）",
                            example = ApiDocs.KEY_EXAMPLE, schema = @Schema(type = "string"))
            },
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ApiBodies.ExtensionDecision.class))))
    @ApiResponse(responseCode = "413", description = ApiDocs.BODY_TOO_LARGE,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "415", description = ApiDocs.NOT_JSON,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "201", description = "已保存决定",
            content = @Content(schema = @Schema(implementation = ApiBodies.ExtensionResult.class)))
    @ApiResponse(responseCode = "200", description = "重试：该申请已有同一决定，返回它",
            content = @Content(schema = @Schema(implementation = ApiBodies.ExtensionResult.class)))
    @ApiResponse(responseCode = "400", description = ApiDocs.JSON_ERRORS,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "`COORDINATOR_ONLY`：仅统筹人员可以审批",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`EXTENSION_NOT_FOUND`：没有该延期申请",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "`EXTENSION_DECIDED`：该申请已作出另一决定",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "422", description = "`DECISION_INVALID`：decision 须为 APPROVED 或 REJECTED；"
            + "`DATE_INVALID`、`DATE_NOT_LATER`：另定的日期不是“年-月-日”或不晚于计划的完成时限；`REASON_REQUIRED`：不予批准须写意见；"
            + "`TEXT_TOO_LONG`、`TEXT_INVALID_CHARACTERS`：意见过长或含控制字符；`FIELD_NOT_A_VALUE`：字段不是文本",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> decide(@Parameter(hidden = true) BearerCaller caller, HttpRequest<?> request, String id, String unit, String key);

    @Operation(operationId = "issueInstruction", tags = ApiDocs.SUPERVISION, summary = "下达督办意见（统筹人员）",
            description = """
                    给该任务的一个责任单位或全部责任单位下达督办意见。单位在任务页面和下一份周报中看到它。""",
            parameters = {
                    @Parameter(name = "year", in = ParameterIn.QUERY, description = ApiDocs.YEAR,
                            schema = @Schema(type = "string", pattern = ApiDocs.YEAR_PATTERN)),
                    @Parameter(name = "id", in = ParameterIn.PATH, description = ApiDocs.TASK_ID, example = "2.8",
                            schema = @Schema(type = "string")),
                    @Parameter(name = IdempotencyHeader.NAME, in = ParameterIn.HEADER, required = true,
                            description = ApiDocs.KEY_TEXT, example = ApiDocs.KEY_EXAMPLE,
                            schema = @Schema(type = "string", pattern = ApiDocs.KEY_PATTERN))
            },
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ApiBodies.InstructionRequest.class))))
    @ApiResponse(responseCode = "413", description = ApiDocs.BODY_TOO_LARGE,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "415", description = ApiDocs.NOT_JSON,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "201", description = "已保存",
            content = @Content(schema = @Schema(implementation = ApiBodies.InstructionResult.class)))
    @ApiResponse(responseCode = "200", description = "重试：返回原先保存的督办意见",
            content = @Content(schema = @Schema(implementation = ApiBodies.InstructionResult.class)))
    @ApiResponse(responseCode = "400", description = "`IDEMPOTENCY_KEY_INVALID`：Idempotency-Key 缺少或格式不对；"
            + ApiDocs.JSON_ERRORS, content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "`COORDINATOR_ONLY`：仅统筹人员可以下达督办意见",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_TASK`：计划中没有该任务",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "`IDEMPOTENCY_KEY_REUSED`：这个键已用于内容不同的督办意见",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "422", description = "`UNIT_NOT_RESPONSIBLE`：该单位不是本任务的责任单位；"
            + "`REASON_REQUIRED`：须写督办意见；`TEXT_TOO_LONG`、`TEXT_INVALID_CHARACTERS`：意见过长或含控制字符；"
            + "`FIELD_NOT_A_VALUE`：字段不是文本", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> instruct(@Parameter(hidden = true) BearerCaller caller, HttpRequest<?> request, String id);
}
