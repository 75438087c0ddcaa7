package cn.lyg.xilian.web.api;

import cn.lyg.xilian.core.progress.IdempotencyKey;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The JSON API's OpenAPI 3.1 document, written at compile time by micronaut-openapi (openapi.properties) from the
 * routes of this package and their annotations, and served at {@code /api/openapi.yml} ({@link OpenApiController}):
 * here what the whole API shares (overview, security, the answers every route can give); each controller's operations
 * on the interface it implements ({@link ProgressApi}, {@link SupervisionApi}, {@link EvidenceApi}, {@link InboxApi}
 * and the admin ones); the bodies in
 * {@link ApiBodies}, the answers' fields in {@link ApiViews}. The texts are for the units' IT staff, so Chinese.
 * Nothing of it is read at run time: micronaut-openapi makes its annotations source-only for Micronaut, so no route's
 * metadata carries them (annotations of our own holding them would be kept: the reason for the interfaces).
 */
@OpenAPIDefinition(
        info = @Info(title = "锡连帮扶合作进度通 JSON 接口", version = "v1", description = ApiDocs.OVERVIEW),
        security = @SecurityRequirement(name = ApiDocs.BEARER),
        servers = @Server(url = "/", description = "本服务：部署后的 ApiUrl 或其自定义域名（本地运行为 http://localhost:8080）"),
        tags = {
                @Tag(name = ApiDocs.TASKS, description = "计划中的单位、任务、各单位的最新进展和填报历史；填报进展"),
                @Tag(name = ApiDocs.SUPERVISION, description = "统筹人员审核填报、审批延期、下达督办意见；责任单位申请延期"),
                @Tag(name = ApiDocs.EVIDENCE, description = "为某次填报上传佐证材料（照片、PDF、Word、Excel）"),
                @Tag(name = ApiDocs.ADMIN, description = "单位与账号管理（统筹人员）：单位、联系人、登录链接、统筹人员和操作留痕")
        })
@SecurityScheme(name = ApiDocs.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "登录令牌：管理员签发的登录链接中 token= 之后的部分，放在 Authorization: Bearer 请求头中")
final class ApiDocs {

    static final String BEARER = "bearer";
    static final String TASKS = "任务与进展";
    static final String SUPERVISION = "督查督办";
    static final String EVIDENCE = "佐证材料";
    static final String ADMIN = "单位与账号管理";
    static final String ADMIN_ONLY = "`COORDINATOR_ONLY`：仅市发改委统筹人员可以管理单位与账号";
    static final String UNIT_FIELDS = "`UNIT_ID_INVALID` `UNIT_ID_TAKEN` `NAME_TAKEN` `NAME_REQUIRED` `NAME_TOO_LONG` `KIND_INVALID` "
            + "`EMAIL_INVALID` `TOO_MANY` `ALIASES_INVALID` `PHONE_INVALID` `FIELD_NOT_A_VALUE`：字段不符合要求（fields 中逐项说明），不保存";

    /** The writes' key header ({@link cn.lyg.xilian.web.http.IdempotencyHeader#NAME}): core's IdempotencyKey format. */
    static final String KEY_PATTERN = "^" + IdempotencyKey.FORMAT + "$";
    static final String KEY_EXAMPLE = "5f0c2b7e-8d1a-4c3e-9b6f-2a4d8e1c7b90";
    static final String TASK_ID = "任务编号";
    /** The {@code ?year=} every route of a year's plan takes (web.http.Caller#plan). */
    static final String YEAR = "计划年度，四位数字，如 2026。不传为当前年度（已导入今年的计划时为今年，否则为最新的进行中年度）。"
            + "不是四位数字或本服务没有该年度的计划时为 404 NO_SUCH_YEAR；已归档年度的写入为 409 YEAR_ARCHIVED，不保存";
    static final String YEAR_PATTERN = "^[0-9]{4}$";
    static final String REPORT_KEY = "本单位的一次填报的键（填报时的 Idempotency-Key）";
    static final String KEY_TEXT = "幂等键：8到64位字母、数字、下划线或连字符，每个新请求用一个新键（如 UUID）。"
            + "网络中断等情况下用同一个键、同一内容重试，返回原先保存的内容（200，replayed: true），不会重复保存；同一个键用于不同内容为 409 "
            + "IDEMPOTENCY_KEY_REUSED，不保存。";

    /** The answers every route can give (each *Api interface), and those of a JSON body's route. */
    static final String UNAUTHORIZED = "`CREDENTIAL_MISSING`：缺少 Bearer 令牌；`CREDENTIAL_INVALID`：令牌无效；"
            + "`CREDENTIAL_EXPIRED`：凭据已过期；`CREDENTIAL_REVOKED`：凭据已吊销";
    static final String INTERNAL_ERROR = "`INTERNAL_ERROR`：系统内部错误（已记录日志）";
    static final String BODY_TOO_LARGE = "`BODY_TOO_LARGE`：请求体超过 64 KB";
    static final String NOT_JSON = "`UNSUPPORTED_MEDIA_TYPE`：Content-Type 须为 application/json，编码须为 UTF-8";
    static final String JSON_ERRORS = "`MALFORMED_JSON`：请求体不是一个 JSON 对象；`DUPLICATE_KEY`：同一字段出现了多次；"
            + "`UNKNOWN_FIELD`：有未知字段；`INVALID_UTF8`：不是有效的 UTF-8；`BODY_UNREADABLE`：无法读取请求体";
    /** An operation with a 503 of its own repeats these (one answer per status). */
    static final String UNAVAILABLE = "`PLAN_NOT_LOADED`：计划尚未导入；`STORAGE_UNAVAILABLE`：数据存储暂不可用，请按 Retry-After "
            + "稍后重试；`SERVICE_UNAVAILABLE`：服务暂时不可用";
    static final String RETRY_AFTER = "STORAGE_UNAVAILABLE 时为 5（秒）";

    private ApiDocs() {
    }

    static final String OVERVIEW = """
            无锡连云港南北结对帮扶合作 2026 年重点工作计划的进度接口，供各责任单位和市发改委的信息系统对接：查询任务、各单位的\
            最新进展和填报历史，填报进展，督查督办（审核、延期申请与审批、督办意见）和佐证材料。

            ## 凭据
            每个请求都须带 `Authorization: Bearer <令牌>`。令牌即管理员签发的登录链接中 `token=` 之后的部分；接口只认这个\
            请求头，不认浏览器的登录 Cookie。每次请求都重新核对凭据，吊销立即生效；凭据都有有效期。\
            责任单位只能看到并填报本单位负责的任务；市发改委统筹人员可查看全部任务，负责审核、审批和督办，不填报。

            ## 错误
            出错时返回 JSON：`{"code": "…", "message": "中文说明", "fields": {"percent": {"code": "…", "message": "…"}}}`。\
            `code` 是稳定的错误代码，供程序判断；`message` 供人阅读，措辞可能调整；`fields` 列出各字段的错误（最多20个，\
            一次列出全部），整个应答的 `code` 是其中第一个的代码。应答从不包含异常信息。每个接口列出它自己的错误，\
            下列错误任何接口都可能返回：

            | HTTP | code | 含义 |
            |---|---|---|
            | 400 | `BAD_REQUEST` | 服务无法读取的请求 |
            | 401 | `CREDENTIAL_MISSING` `CREDENTIAL_INVALID` `CREDENTIAL_EXPIRED` `CREDENTIAL_REVOKED` | 缺少凭据、凭据无效、已过期、已吊销 |
            | 403 | `CROSS_SITE_REQUEST` | 仅本地运行：带有其他网站 `Origin` 的请求 |
            | 404 | `NOT_FOUND` | 地址不存在 |
            | 405 | `METHOD_NOT_ALLOWED` | 该地址不支持这种请求方式 |
            | 404 | `NO_SUCH_YEAR` | `year` 参数不是四位数字，或本服务没有该年度的计划 |
            | 406 | `NOT_ACCEPTABLE` | 无法按 `Accept` 要求的格式作答（接口只答 JSON） |
            | 409 | `YEAR_ARCHIVED` | 该年度已归档（收尾期结束后只读）：填报、审核、延期、督办意见和佐证材料一律不保存 |
            | 413 | `REQUEST_TOO_LARGE` | 网址或请求头超出限制 |
            | 500 | `INTERNAL_ERROR` | 系统内部错误（已记录日志），请稍后重试或联系管理员 |
            | 503 | `PLAN_NOT_LOADED` | 计划尚未导入 |
            | 503 | `STORAGE_UNAVAILABLE` | 数据存储暂不可用（超时、限流或故障），带 `Retry-After: 5`：稍后用同一请求重试即可 |
            | 503 | `SERVICE_UNAVAILABLE` | 服务暂时不可用 |

            ## 计划年度
            一个部署同时服务多个计划年度。任务、进展、督查督办、佐证材料和待办的接口都可带 `year` 查询参数（如 \
            `?year=2026`）选择年度，不带时为当前年度。年度的状态：进行中（计划所属的年份）、收尾（次年1月1日起至收尾期\
            结束，默认1月31日，各单位仍可补报，统筹人员仍可审核）、已归档（此后只读，写入为 409 `YEAR_ARCHIVED`）。\
            年度总结在 `/api/v1/summary/{year}`（统筹人员）。

            ## 幂等键（Idempotency-Key）
            填报进展、审核、申请延期和督办意见须带请求头 `Idempotency-Key`：8到64位字母、数字、下划线或连字符\
            （`""" + IdempotencyKey.FORMAT + """
            `），每个新请求用一个新键（如 UUID）。

            - 首次保存：201，`replayed: false`；
            - 网络中断等情况下用同一个键、同一内容重试：200，`replayed: true`，返回原先保存的内容，不重复保存；
            - 同一个键用于不同内容：409 `IDEMPOTENCY_KEY_REUSED`，不保存；
            - 缺少或格式不对：400 `IDEMPOTENCY_KEY_INVALID`。

            只有返回 201 的请求保存了新内容。延期审批不带这个请求头：地址中的申请已标识它，同一决定再次提交即为重试（200）；\
            直传的佐证材料以上传后的文件键标识，经本服务上传的以文件内容识别重复。

            ## 限制
            进展情况、存在问题、下步打算各不超过2000字，填报人不超过50字；JSON 请求体不超过 64 KB，须为 UTF-8 编码的\
            `application/json`，同一字段不能出现两次，未知字段一律拒绝。每个凭据每分钟最多填报20次（网页表单和接口合计，\
            重试也计数），超过为 429 `TOO_MANY_SUBMISSIONS`（`Retry-After: 60`）。日期和剩余天数按北京时间（Asia/Shanghai）计算。
            """;
}
