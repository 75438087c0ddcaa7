package cn.lyg.xilian.web.api;

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
 * 单位与账号管理's coordinator accounts, link revocation and 操作留痕 as the OpenAPI document describes them;
 * {@link AdminAccountsApiController} implements this. Coordinators only.
 */
@ApiResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED,
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY,
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "500", description = ApiDocs.INTERNAL_ERROR,
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "503", description = ApiDocs.UNAVAILABLE,
        headers = @Header(name = "Retry-After", description = ApiDocs.RETRY_AFTER, schema = @Schema(type = "integer")),
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
interface AdminAccountsApi {

    @Operation(operationId = "revokeAdminLink", tags = ApiDocs.ADMIN, summary = "撤销一个登录链接",
            description = "按链接的哈希（不是令牌）撤销单位或统筹人员的链接；用它登录的会话在下次请求时结束。再次撤销为重试（200）。",
            parameters = {
                    @Parameter(name = "hash", in = ParameterIn.PATH, description = "令牌的 SHA-256，64位小写十六进制",
                            example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                            schema = @Schema(type = "string", pattern = "^[0-9a-f]{64}$")),
                    @Parameter(name = IdempotencyHeader.NAME, in = ParameterIn.HEADER, required = true,
                            description = ApiDocs.KEY_TEXT, example = ApiDocs.KEY_EXAMPLE,
                            schema = @Schema(type = "string", pattern = ApiDocs.KEY_PATTERN))})
    @ApiResponse(responseCode = "201", description = "已撤销",
            content = @Content(schema = @Schema(implementation = AdminViews.RevokedLinkResult.class)))
    @ApiResponse(responseCode = "200", description = "重试：该链接已撤销",
            content = @Content(schema = @Schema(implementation = AdminViews.RevokedLinkResult.class)))
    @ApiResponse(responseCode = "400", description = "`IDEMPOTENCY_KEY_INVALID`：Idempotency-Key 缺少或格式不对",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_LINK`：没有这个登录链接",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "`OWN_LINK`：不能撤销自己正在使用的链接",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> revoke(@Parameter(hidden = true) BearerCaller caller, @Parameter(hidden = true) HttpRequest<?> request,
                           String hash);

    @Operation(operationId = "listCoordinators", tags = ApiDocs.ADMIN, summary = "统筹人员",
            description = "全部统筹人员（含已移除的），各自的登录链接状态。")
    @ApiResponse(responseCode = "200", description = "统筹人员名单",
            content = @Content(schema = @Schema(implementation = AdminViews.CoordinatorsView.class)))
    HttpResponse<?> coordinators(@Parameter(hidden = true) BearerCaller caller);

    @Operation(operationId = "addCoordinator", tags = ApiDocs.ADMIN, summary = "新增统筹人员",
            description = "新增后用 `POST /api/v1/admin/coordinators/{id}/link-emails` 把登录链接发到其邮箱。",
            parameters = @Parameter(name = IdempotencyHeader.NAME, in = ParameterIn.HEADER, required = true,
                    description = ApiDocs.KEY_TEXT, example = ApiDocs.KEY_EXAMPLE,
                    schema = @Schema(type = "string", pattern = ApiDocs.KEY_PATTERN)),
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminViews.CoordinatorRequest.class))))
    @ApiResponse(responseCode = "201", description = "已新增",
            content = @Content(schema = @Schema(implementation = AdminViews.CoordinatorResult.class)))
    @ApiResponse(responseCode = "200", description = "重试：返回原先新增的统筹人员",
            content = @Content(schema = @Schema(implementation = AdminViews.CoordinatorResult.class)))
    @ApiResponse(responseCode = "400", description = "`IDEMPOTENCY_KEY_INVALID`：Idempotency-Key 缺少或格式不对；"
            + ApiDocs.JSON_ERRORS, content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "`IDEMPOTENCY_KEY_REUSED`：该键已用于另一位统筹人员",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "422", description = "`NAME_REQUIRED` `NAME_TOO_LONG` `EMAIL_INVALID` `FIELD_NOT_A_VALUE`：姓名或邮箱不符合要求，不保存",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> addCoordinator(@Parameter(hidden = true) BearerCaller caller,
                                   @Parameter(hidden = true) HttpRequest<?> request);

    @Operation(operationId = "sendCoordinatorLink", tags = ApiDocs.ADMIN, summary = "把新登录链接发到统筹人员的邮箱",
            description = "只发往该统筹人员登记的邮箱；应答中没有令牌。",
            parameters = {
                    @Parameter(name = "id", in = ParameterIn.PATH, example = "c-0123456789", schema = @Schema(type = "string", pattern = "^c-[0-9a-f]{10}$")),
                    @Parameter(name = IdempotencyHeader.NAME, in = ParameterIn.HEADER, required = true,
                            description = ApiDocs.KEY_TEXT, example = ApiDocs.KEY_EXAMPLE,
                            schema = @Schema(type = "string", pattern = ApiDocs.KEY_PATTERN))})
    @ApiResponse(responseCode = "201", description = "已排队发送",
            content = @Content(schema = @Schema(implementation = AdminViews.LinkEmailResult.class)))
    @ApiResponse(responseCode = "200", description = "重试：该请求已发送过",
            content = @Content(schema = @Schema(implementation = AdminViews.LinkEmailResult.class)))
    @ApiResponse(responseCode = "400", description = "`IDEMPOTENCY_KEY_INVALID`：Idempotency-Key 缺少或格式不对",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_COORDINATOR`：没有这位统筹人员",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> sendCoordinatorLink(@Parameter(hidden = true) BearerCaller caller,
                                        @Parameter(hidden = true) HttpRequest<?> request, String id);

    @Operation(operationId = "removeCoordinator", tags = ApiDocs.ADMIN, summary = "移除统筹人员",
            description = "移除并撤销其全部登录链接；最后一位在用的统筹人员不能移除。",
            parameters = {
                    @Parameter(name = "id", in = ParameterIn.PATH, example = "c-0123456789", schema = @Schema(type = "string", pattern = "^c-[0-9a-f]{10}$")),
                    @Parameter(name = IdempotencyHeader.NAME, in = ParameterIn.HEADER, required = true,
                            description = ApiDocs.KEY_TEXT, example = ApiDocs.KEY_EXAMPLE,
                            schema = @Schema(type = "string", pattern = ApiDocs.KEY_PATTERN))})
    @ApiResponse(responseCode = "201", description = "已移除",
            content = @Content(schema = @Schema(implementation = AdminViews.CoordinatorResult.class)))
    @ApiResponse(responseCode = "200", description = "重试：已移除",
            content = @Content(schema = @Schema(implementation = AdminViews.CoordinatorResult.class)))
    @ApiResponse(responseCode = "400", description = "`IDEMPOTENCY_KEY_INVALID`：Idempotency-Key 缺少或格式不对",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_COORDINATOR`：没有这位统筹人员",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "`LAST_COORDINATOR`：这是最后一位统筹人员，不能移除",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> removeCoordinator(@Parameter(hidden = true) BearerCaller caller,
                                      @Parameter(hidden = true) HttpRequest<?> request, String id);

    @Operation(operationId = "getAudit", tags = ApiDocs.ADMIN, summary = "操作留痕（一个月）",
            description = "一个月（北京时间）的操作留痕，新的在前；只读，留痕不能通过本系统修改或删除。",
            parameters = {
                    @Parameter(name = "month", in = ParameterIn.QUERY, description = "YYYY-MM，默认本月", example = "2026-12",
                            schema = @Schema(type = "string")),
                    @Parameter(name = "actor", in = ParameterIn.QUERY, description = "操作人编号（统筹人员 c-…、单位编号、cli、system）",
                            schema = @Schema(type = "string")),
                    @Parameter(name = "action", in = ParameterIn.QUERY, description = "操作类别（AuditAction 的名称）",
                            schema = @Schema(type = "string")),
                    @Parameter(name = "target", in = ParameterIn.QUERY, description = "对象包含的文字，如 unit:guanyun",
                            schema = @Schema(type = "string", maxLength = 100))})
    @ApiResponse(responseCode = "200", description = "该月的留痕",
            content = @Content(schema = @Schema(implementation = AdminViews.AuditView.class)))
    @ApiResponse(responseCode = "400", description = "`BAD_FILTER`：月份、操作人、操作类别或对象的筛选不正确，或出现了多次",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> audit(@Parameter(hidden = true) BearerCaller caller, @Parameter(hidden = true) HttpRequest<?> request);
}
