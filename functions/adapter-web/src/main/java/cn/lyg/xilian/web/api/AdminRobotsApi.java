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
 * 群机器人 as the OpenAPI document describes it; {@link AdminRobotsApiController} implements this. Coordinators only.
 * The webhook URL and the secret go in and never come out.
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
interface AdminRobotsApi {

    String AUDIENCE = "群：`coordinators`（统筹人员群）或 `unit:<单位代码>`";
    String AUDIENCE_PATTERN = "^(coordinators|unit:[a-z0-9]+(-[a-z0-9]+)*)$";

    @Operation(operationId = "listRobots", tags = ApiDocs.ADMIN, summary = "群机器人",
            description = "统筹人员群和每个单位的群，各自的机器人（只有类型、去掉令牌的 Webhook 和是否加签）。")
    @ApiResponse(responseCode = "200", description = "全部群",
            content = @Content(schema = @Schema(implementation = RobotViews.RobotsView.class)))
    HttpResponse<?> robots(@Parameter(hidden = true) BearerCaller caller);

    @Operation(operationId = "getRobot", tags = ApiDocs.ADMIN, summary = "一个群的机器人",
            description = "该群的机器人类型、去掉令牌的 Webhook、是否加签、version 和最近修改。",
            parameters = @Parameter(name = "audience", in = ParameterIn.PATH, description = AUDIENCE,
                    example = "unit:guanyun", schema = @Schema(type = "string", pattern = AUDIENCE_PATTERN)))
    @ApiResponse(responseCode = "200", description = "该群",
            content = @Content(schema = @Schema(implementation = RobotViews.RobotView.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_AUDIENCE`：没有这个群",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> robot(@Parameter(hidden = true) BearerCaller caller, String audience);

    @Operation(operationId = "putRobot", tags = ApiDocs.ADMIN, summary = "设置或替换一个群的机器人",
            description = "Webhook 地址和加签密钥加密保存，此后不再返回。`secret` 不填则保留已保存的密钥。",
            parameters = {
                    @Parameter(name = "audience", in = ParameterIn.PATH, description = AUDIENCE,
                            example = "coordinators", schema = @Schema(type = "string", pattern = AUDIENCE_PATTERN)),
                    @Parameter(name = IdempotencyHeader.NAME, in = ParameterIn.HEADER, required = true,
                            description = ApiDocs.KEY_TEXT, example = ApiDocs.KEY_EXAMPLE,
                            schema = @Schema(type = "string", pattern = ApiDocs.KEY_PATTERN))},
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = RobotViews.RobotRequest.class))))
    @ApiResponse(responseCode = "201", description = "已保存",
            content = @Content(schema = @Schema(implementation = RobotViews.RobotResult.class)))
    @ApiResponse(responseCode = "200", description = "重试：返回已保存的设置",
            content = @Content(schema = @Schema(implementation = RobotViews.RobotResult.class)))
    @ApiResponse(responseCode = "400", description = "`IDEMPOTENCY_KEY_INVALID`：Idempotency-Key 缺少或格式不对；"
            + ApiDocs.JSON_ERRORS, content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_AUDIENCE`：没有这个群",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "`ROBOT_CHANGED_MEANWHILE`：该群机器人已被他人修改，请重新读取",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "422", description = "`VENDOR_INVALID` `WEBHOOK_INVALID` `SECRET_INVALID` `FIELD_NOT_A_VALUE`：不保存",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> putRobot(@Parameter(hidden = true) BearerCaller caller,
                             @Parameter(hidden = true) HttpRequest<?> request, String audience);

    @Operation(operationId = "deleteRobot", tags = ApiDocs.ADMIN, summary = "移除一个群的机器人",
            description = "该群此后只收邮件。未设置机器人时为重试（200）。",
            parameters = {
                    @Parameter(name = "audience", in = ParameterIn.PATH, description = AUDIENCE,
                            example = "coordinators", schema = @Schema(type = "string", pattern = AUDIENCE_PATTERN)),
                    @Parameter(name = "version", in = ParameterIn.QUERY, required = true,
                            description = "读取时的 version", schema = @Schema(type = "integer", minimum = "1")),
                    @Parameter(name = IdempotencyHeader.NAME, in = ParameterIn.HEADER, required = true,
                            description = ApiDocs.KEY_TEXT, example = ApiDocs.KEY_EXAMPLE,
                            schema = @Schema(type = "string", pattern = ApiDocs.KEY_PATTERN))})
    @ApiResponse(responseCode = "201", description = "已移除",
            content = @Content(schema = @Schema(implementation = RobotViews.RobotResult.class)))
    @ApiResponse(responseCode = "200", description = "重试：该群没有机器人",
            content = @Content(schema = @Schema(implementation = RobotViews.RobotResult.class)))
    @ApiResponse(responseCode = "400", description = "`IDEMPOTENCY_KEY_INVALID`：Idempotency-Key 缺少或格式不对",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_AUDIENCE`：没有这个群",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "`ROBOT_CHANGED_MEANWHILE`：该群机器人已被他人修改，请重新读取",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> deleteRobot(@Parameter(hidden = true) BearerCaller caller,
                                @Parameter(hidden = true) HttpRequest<?> request, String audience);
}
