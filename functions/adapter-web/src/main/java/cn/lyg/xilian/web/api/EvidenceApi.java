package cn.lyg.xilian.web.api;

import cn.lyg.xilian.core.evidence.EvidenceStore;
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
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The JSON API's evidence routes as the OpenAPI document describes them ({@link ApiDocs}):
 * {@link EvidenceApiController} implements this (ProgressApi says why an interface).
 */
@ApiResponse(responseCode = "401", description = ApiDocs.UNAUTHORIZED,
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "500", description = ApiDocs.INTERNAL_ERROR,
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "503", description = ApiDocs.UNAVAILABLE,
        headers = @Header(name = "Retry-After", description = ApiDocs.RETRY_AFTER, schema = @Schema(type = "integer")),
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
interface EvidenceApi {

    /** The checks every file goes through, however it arrives (core's EvidenceRules). */
    String FILE_ERRORS = "`FILE_REQUIRED`：没有文件；`TOO_MANY_FILES`：超过每次10个或每次填报10个；"
            + "`FILE_EMPTY`：空文件；`FILE_TOO_LARGE`：超过20 MB；`FILE_TYPE_NOT_ALLOWED`：按内容不是 JPEG、PNG、PDF、"
            + "DOCX、XLSX、DOC 或 XLS；`FILE_NAME_INVALID`：文件名无效（为空、只有点号或超过120字）";

    /** The 503 answers of every route, and no store configured. */
    String UNAVAILABLE = ApiDocs.UNAVAILABLE + "；`EVIDENCE_UNAVAILABLE`：未配置佐证材料存储";

    @Operation(operationId = "uploadEvidenceFiles", tags = ApiDocs.EVIDENCE, summary = "上传佐证材料（经本服务）",
            description = """
                    为本单位的一次填报上传佐证材料：multipart/form-data，文件字段名均为 `files`，每次最多10个文件，\
                    每个1字节到20 MB，每次填报最多10个。每个文件都按内容识别类型（JPEG、PNG、PDF、DOCX、XLSX、DOC、XLS），\
                    全部检查通过才保存；文件以识别出的类型的扩展名命名（内容为 PDF 的“说明.hta”保存为“说明.pdf”）。\
                    该填报中已有同一内容的文件不会再保存：全部已有时为 200 `replayed: true`。\
                    部署在 AWS 时请求体受 API Gateway 的限制（几 MB），请改用直传（`evidence/uploads`）。""",
            parameters = {
                    @Parameter(name = "year", in = ParameterIn.QUERY, description = ApiDocs.YEAR,
                            schema = @Schema(type = "string", pattern = ApiDocs.YEAR_PATTERN)),
                    @Parameter(name = "id", in = ParameterIn.PATH, description = ApiDocs.TASK_ID, example = "2.8",
                            schema = @Schema(type = "string")),
                    @Parameter(name = "key", in = ParameterIn.PATH, description = ApiDocs.REPORT_KEY,
                            example = ApiDocs.KEY_EXAMPLE, schema = @Schema(type = "string"))
            },
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "multipart/form-data",
                    schema = @Schema(implementation = ApiBodies.EvidenceFiles.class))))
    @ApiResponse(responseCode = "201", description = "已保存（列出本次请求的全部文件）",
            content = @Content(schema = @Schema(implementation = ApiBodies.FilesResult.class)))
    @ApiResponse(responseCode = "200", description = "每个文件都已在该填报中，未保存新文件",
            content = @Content(schema = @Schema(implementation = ApiBodies.FilesResult.class)))
    @ApiResponse(responseCode = "400", description = "`MULTIPART_MALFORMED`：上传内容格式有误",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "`NOT_RESPONSIBLE`：只有该任务的责任单位可以上传",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_TASK`：计划中没有该任务；`SUBMISSION_NOT_FOUND`：本单位没有该填报",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "413", description = "`BODY_TOO_LARGE`：请求体超过上限；`FIELD_TOO_LARGE`：表单字段过长",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "415", description = "`UNSUPPORTED_MEDIA_TYPE`：须为 multipart/form-data",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "422", description = FILE_ERRORS,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "503", description = UNAVAILABLE,
            headers = @Header(name = "Retry-After", description = ApiDocs.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> upload(@Parameter(hidden = true) BearerCaller caller, HttpRequest<?> request, String id, String key);

    @Operation(operationId = "createEvidenceUpload", tags = ApiDocs.EVIDENCE, summary = "申请直传表单（一个文件）",
            description = """
                    文件不经本服务，直接传到存储（S3 预签名 POST）。应答给出 `action` 和 `fields`：向 `action` 发送 \
                    multipart/form-data 的 POST，先按原样带上 `fields` 中的全部字段，最后是文件，字段名为 `file`；\
                    1字节到20 MB，30分钟内有效，一张表单只能传一个文件。成功后 S3 跳转的地址中 `key` 参数即文件的键，\
                    再用“登记直传的文件”把它挂到填报上（24小时内未登记的文件会被删除）。每次调用签发一张新表单。""",
            parameters = {
                    @Parameter(name = "year", in = ParameterIn.QUERY, description = ApiDocs.YEAR,
                            schema = @Schema(type = "string", pattern = ApiDocs.YEAR_PATTERN)),
                    @Parameter(name = "id", in = ParameterIn.PATH, description = ApiDocs.TASK_ID, example = "2.8",
                            schema = @Schema(type = "string")),
                    @Parameter(name = "key", in = ParameterIn.PATH, description = ApiDocs.REPORT_KEY,
                            example = ApiDocs.KEY_EXAMPLE, schema = @Schema(type = "string"))
            },
            // Its one success here, not beside: else micronaut-openapi adds a "200" of its own (no 200 among the answers).
            responses = @ApiResponse(responseCode = "201", description = "直传表单",
                    content = @Content(schema = @Schema(implementation = EvidenceStore.DirectUpload.class))))
    @ApiResponse(responseCode = "403", description = "`NOT_RESPONSIBLE`：只有该任务的责任单位可以上传",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_TASK`：计划中没有该任务；`SUBMISSION_NOT_FOUND`：本单位没有该填报；"
            + "`EVIDENCE_DIRECT_UNAVAILABLE`：存储不支持直传（本地运行），请用“上传佐证材料”",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "422", description = "`TOO_MANY_FILES`：该填报已有10个文件",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "503", description = UNAVAILABLE,
            headers = @Header(name = "Retry-After", description = ApiDocs.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> uploadForm(@Parameter(hidden = true) BearerCaller caller, String id, String key);

    @Operation(operationId = "attachUploadedEvidence", tags = ApiDocs.EVIDENCE, summary = "登记直传的文件",
            description = """
                    把直传到存储的文件挂到本单位的填报上：按内容识别类型、检查大小后保存（不合要求的文件被删除）。文件的键\
                    即幂等键：同一文件再次登记返回原记录（200，`replayed: true`）。同一张直传表单传了另一个文件为 409 \
                    `UPLOAD_USED`（该文件被删除）；键不是调用方这次填报的表单所传的文件，或表单已超过一天，为 404 \
                    `UPLOAD_NOT_FOUND`。""",
            parameters = {
                    @Parameter(name = "year", in = ParameterIn.QUERY, description = ApiDocs.YEAR,
                            schema = @Schema(type = "string", pattern = ApiDocs.YEAR_PATTERN)),
                    @Parameter(name = "id", in = ParameterIn.PATH, description = ApiDocs.TASK_ID, example = "2.8",
                            schema = @Schema(type = "string")),
                    @Parameter(name = "key", in = ParameterIn.PATH, description = ApiDocs.REPORT_KEY,
                            example = ApiDocs.KEY_EXAMPLE, schema = @Schema(type = "string"))
            },
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ApiBodies.UploadedFile.class))))
    @ApiResponse(responseCode = "413", description = ApiDocs.BODY_TOO_LARGE,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "415", description = ApiDocs.NOT_JSON,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "201", description = "已保存",
            content = @Content(schema = @Schema(implementation = ApiBodies.FileResult.class)))
    @ApiResponse(responseCode = "200", description = "重试：该文件已登记，返回原记录",
            content = @Content(schema = @Schema(implementation = ApiBodies.FileResult.class)))
    @ApiResponse(responseCode = "400", description = ApiDocs.JSON_ERRORS,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "403", description = "`NOT_RESPONSIBLE`：只有该任务的责任单位可以上传",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "`UNKNOWN_TASK`：计划中没有该任务；`SUBMISSION_NOT_FOUND`：本单位没有该填报；"
            + "`UPLOAD_NOT_FOUND`：没有这个直传的文件",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "409", description = "`UPLOAD_USED`：这张直传表单已传过另一个文件",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "422", description = "`FIELD_NOT_A_VALUE`：key 不是文本；" + FILE_ERRORS,
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(responseCode = "503", description = UNAVAILABLE,
            headers = @Header(name = "Retry-After", description = ApiDocs.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    HttpResponse<?> attachUploaded(@Parameter(hidden = true) BearerCaller caller, HttpRequest<?> request, String id, String key);
}
