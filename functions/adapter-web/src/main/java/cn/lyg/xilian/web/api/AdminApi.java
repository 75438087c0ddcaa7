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
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * 单位与账号管理's units and their links as the OpenAPI document describes them; {@link AdminApiController}
 * implements this (ProgressApi says why an interface). Coordinators only: a unit's token gets 403 on every route.
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
interface AdminApi {

    @Operation(operationId = "listAdminUnits", tags = ApiDocs.ADMIN, summary = "全部单位",
            description = "每个单位的类别、联系人邮箱、联络员、最近登录、本年度最近填报、登录链接状态和最近一次发送链接的时间与收件人。",
            parameters = @Parameter(name = "year", in = ParameterIn.QUERY, description = ApiDocs.YEAR,
                    schema = @Schema(type = "string", pattern = ApiDocs.YEAR_PATTERN)))
    @ApiResponse(responseCode = "200", description = "全部单位",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = AdminViews.AdminUnitView.class))))
    HttpResponse<?> units(@Parameter(hidden = true) BearerCaller caller);

    @Operation(operationId = "getAdminUnit", tags = ApiDocs.ADMIN, summary = "一个单位（含有效的链接）",
            description = "该单位的信息、登录情况和有效的登录链接（只有哈希，没有令牌）。",
            parameters = {@Parameter(name = "year", in = ParameterIn.QUERY, description = ApiDocs.YEAR,
                    schema = @Schema(type = "string", pattern = ApiDocs.YEAR_PATTERN)),
                    @Parameter(name = "unitId", in = ParameterIn.PATH, example = "guanyun", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "200", description = "该单位",
            content = @Content(schema = @Schema(implementation = AdminViews.AdminUnitView.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_UNIT`：没有这个单位",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> unit(@Parameter(hidden = true) BearerCaller caller, String unitId);

    @Operation(operationId = "addAdminUnit", tags = ApiDocs.ADMIN, summary = "新增单位",
            description = "单位代码一经使用不能更改、不能再用于其他单位。",
            parameters = {@Parameter(name = "year", in = ParameterIn.QUERY, description = ApiDocs.YEAR,
                    schema = @Schema(type = "string", pattern = ApiDocs.YEAR_PATTERN)),
                    @Parameter(name = IdempotencyHeader.NAME, in = ParameterIn.HEADER, required = true,
                    description = ApiDocs.KEY_TEXT, example = ApiDocs.KEY_EXAMPLE,
                    schema = @Schema(type = "string", pattern = ApiDocs.KEY_PATTERN))},
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminViews.NewUnitRequest.class))))
    @ApiResponse(responseCode = "201", description = "已新增",
            content = @Content(schema = @Schema(implementation = AdminViews.UnitResult.class)))
    @ApiResponse(responseCode = "200", description = "重试：返回原先新增的单位",
            content = @Content(schema = @Schema(implementation = AdminViews.UnitResult.class)))
    @ApiResponse(responseCode = "400", description = "`IDEMPOTENCY_KEY_INVALID`：Idempotency-Key 缺少或格式不对；"
            + ApiDocs.JSON_ERRORS, content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "`UNIT_ID_TAKEN`：单位代码已被使用",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "422", description = ApiDocs.UNIT_FIELDS,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> add(@Parameter(hidden = true) BearerCaller caller, @Parameter(hidden = true) HttpRequest<?> request);

    @Operation(operationId = "changeAdminUnit", tags = ApiDocs.ADMIN, summary = "修改单位的联系人、联络员和别名",
            description = "整体替换；version 为读取时的版本，期间被他人修改则 409。",
            parameters = {
                    @Parameter(name = "year", in = ParameterIn.QUERY, description = ApiDocs.YEAR,
                            schema = @Schema(type = "string", pattern = ApiDocs.YEAR_PATTERN)),
                    @Parameter(name = "unitId", in = ParameterIn.PATH, example = "guanyun", schema = @Schema(type = "string")),
                    @Parameter(name = IdempotencyHeader.NAME, in = ParameterIn.HEADER, required = true,
                            description = ApiDocs.KEY_TEXT, example = ApiDocs.KEY_EXAMPLE,
                            schema = @Schema(type = "string", pattern = ApiDocs.KEY_PATTERN))},
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminViews.UnitChangeRequest.class))))
    @ApiResponse(responseCode = "201", description = "已保存",
            content = @Content(schema = @Schema(implementation = AdminViews.UnitResult.class)))
    @ApiResponse(responseCode = "200", description = "重试：返回原先保存的结果",
            content = @Content(schema = @Schema(implementation = AdminViews.UnitResult.class)))
    @ApiResponse(responseCode = "400", description = "`IDEMPOTENCY_KEY_INVALID`：Idempotency-Key 缺少或格式不对；"
            + ApiDocs.JSON_ERRORS, content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_UNIT`：没有这个单位",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "`UNIT_CHANGED_MEANWHILE`：该单位已被他人修改，请重新读取",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "422", description = ApiDocs.UNIT_FIELDS,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> change(@Parameter(hidden = true) BearerCaller caller, @Parameter(hidden = true) HttpRequest<?> request,
                           String unitId);

    @Operation(operationId = "issueAdminUnitLink", tags = ApiDocs.ADMIN, summary = "签发新登录链接（令牌只返回这一次）",
            description = "该单位原有的链接仍然有效。令牌只在本次应答中出现；同一 Idempotency-Key 再次请求为 409 `LINK_ALREADY_ISSUED`。",
            parameters = {
                    @Parameter(name = "unitId", in = ParameterIn.PATH, example = "guanyun", schema = @Schema(type = "string")),
                    @Parameter(name = IdempotencyHeader.NAME, in = ParameterIn.HEADER, required = true,
                            description = ApiDocs.KEY_TEXT, example = ApiDocs.KEY_EXAMPLE,
                            schema = @Schema(type = "string", pattern = ApiDocs.KEY_PATTERN))})
    @ApiResponse(responseCode = "201", description = "新链接",
            content = @Content(schema = @Schema(implementation = AdminViews.IssuedLinkResult.class)))
    @ApiResponse(responseCode = "200", description = "不会返回：令牌只出现一次，同一请求重试为 409",
            content = @Content(schema = @Schema(implementation = AdminViews.IssuedLinkResult.class)))
    @ApiResponse(responseCode = "400", description = "`IDEMPOTENCY_KEY_INVALID`：Idempotency-Key 缺少或格式不对",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_UNIT`：没有这个单位",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "`UNIT_INACTIVE`：该单位已停用；`LINK_ALREADY_ISSUED`：这次请求已签发过链接",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> issue(@Parameter(hidden = true) BearerCaller caller, @Parameter(hidden = true) HttpRequest<?> request,
                          String unitId);

    @Operation(operationId = "rotateAdminUnitLink", tags = ApiDocs.ADMIN, summary = "更换登录链接（令牌只返回这一次）",
            description = "签发新链接，该单位原有的有效链接 7 天后失效。",
            parameters = {
                    @Parameter(name = "unitId", in = ParameterIn.PATH, example = "guanyun", schema = @Schema(type = "string")),
                    @Parameter(name = IdempotencyHeader.NAME, in = ParameterIn.HEADER, required = true,
                            description = ApiDocs.KEY_TEXT, example = ApiDocs.KEY_EXAMPLE,
                            schema = @Schema(type = "string", pattern = ApiDocs.KEY_PATTERN))})
    @ApiResponse(responseCode = "201", description = "新链接",
            content = @Content(schema = @Schema(implementation = AdminViews.IssuedLinkResult.class)))
    @ApiResponse(responseCode = "200", description = "不会返回：令牌只出现一次，同一请求重试为 409",
            content = @Content(schema = @Schema(implementation = AdminViews.IssuedLinkResult.class)))
    @ApiResponse(responseCode = "400", description = "`IDEMPOTENCY_KEY_INVALID`：Idempotency-Key 缺少或格式不对",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_UNIT`：没有这个单位",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "`UNIT_INACTIVE`：该单位已停用；`LINK_ALREADY_ISSUED`：这次请求已签发过链接",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> rotate(@Parameter(hidden = true) BearerCaller caller, @Parameter(hidden = true) HttpRequest<?> request,
                           String unitId);

    @Operation(operationId = "sendAdminUnitLink", tags = ApiDocs.ADMIN, summary = "把新登录链接发到该单位登记的邮箱",
            description = "只发往该单位登记的联系人邮箱（每单位每小时最多3封）；应答中没有令牌。",
            parameters = {
                    @Parameter(name = "unitId", in = ParameterIn.PATH, example = "guanyun", schema = @Schema(type = "string")),
                    @Parameter(name = IdempotencyHeader.NAME, in = ParameterIn.HEADER, required = true,
                            description = ApiDocs.KEY_TEXT, example = ApiDocs.KEY_EXAMPLE,
                            schema = @Schema(type = "string", pattern = ApiDocs.KEY_PATTERN))})
    @ApiResponse(responseCode = "201", description = "已排队发送",
            content = @Content(schema = @Schema(implementation = AdminViews.LinkEmailResult.class)))
    @ApiResponse(responseCode = "200", description = "重试：该请求已发送过",
            content = @Content(schema = @Schema(implementation = AdminViews.LinkEmailResult.class)))
    @ApiResponse(responseCode = "400", description = "`IDEMPOTENCY_KEY_INVALID`：Idempotency-Key 缺少或格式不对",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_UNIT`：没有这个单位",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "`UNIT_INACTIVE`：该单位已停用；`NO_CONTACT`：该单位没有登记联系人邮箱",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> send(@Parameter(hidden = true) BearerCaller caller, @Parameter(hidden = true) HttpRequest<?> request,
                         String unitId);
}
