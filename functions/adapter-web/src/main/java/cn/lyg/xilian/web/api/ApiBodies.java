package cn.lyg.xilian.web.api;

import cn.lyg.xilian.core.evidence.EvidenceFile;
import cn.lyg.xilian.core.supervision.Extension;
import cn.lyg.xilian.core.supervision.Instruction;
import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.progress.ReviewDecision;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request bodies of the JSON API's writes and the answers the document names for them (the OpenAPI document's
 * schemas; ApiDocs). Bodies are read strictly as JSON trees (RequestBodies: another field is 400 UNKNOWN_FIELD), and
 * the fields a route accepts are the components of its record here ({@link #fields}), so the document and the reader
 * cannot list different fields. The answers are {@code Outcomes.Result} with its item's type written out, which an
 * annotation cannot name (no generics); the API tests check the answers against them.
 */
public final class ApiBodies {

    private ApiBodies() {
    }

    private static final String REPLAYED = "false：本次新保存（201）；true：重试，返回原先保存的内容（200）";

    private static final ClassValue<Set<String>> FIELDS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> shape) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.stream(shape.getRecordComponents())
                    .map(RecordComponent::getName).toList()));
        }
    };

    /** The field names a body of this shape may carry, in declaration order (read once per shape). */
    static Set<String> fields(Class<? extends Record> shape) {
        return FIELDS.get(shape);
    }

    @Schema(description = "一次进展填报。值按原样校验：数字可写作数字或文本；未知字段一律拒绝（400 UNKNOWN_FIELD）")
    public record ProgressReport(
            @Schema(description = "状态：下列值之一，须完全一致（大小写不同或前后有空格均无效）", requiredMode = Schema.RequiredMode.REQUIRED,
                    type = "string", allowableValues = {"NOT_STARTED", "IN_PROGRESS", "DONE", "BEHIND", "BLOCKED", "未启动", "推进中",
                            "已完成", "滞后", "受阻"}, example = "推进中") String status,
            @Schema(description = "完成百分比，0到100的整数；状态为已完成（DONE）时须为100",
                    requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "100", example = "60")
            Integer percent,
            @Schema(description = "量化指标的完成数值：键为任务 targets 中适用于本单位的指标编号，值为不小于0的数字",
                    example = "{\"t1\": 3}") Map<String, BigDecimal> figures,
            @Schema(description = "进展情况，必填，不超过2000字", requiredMode = Schema.RequiredMode.REQUIRED,
                    maxLength = 2000, example = "已完成两个项目的签约") String progress,
            @Schema(description = "存在问题，不超过2000字", maxLength = 2000) String problems,
            @Schema(description = "下步打算，不超过2000字", maxLength = 2000) String nextSteps,
            @Schema(description = "填报人，不超过50字", maxLength = 50) String reporter,
            @Schema(description = "联系电话：5到30位数字、空格和 + - ( )", pattern = "^[0-9+\\-() ]{5,30}$",
                    example = "0518-85800000") String phone) {
    }

    @Schema(description = "审核一次填报")
    public record ReviewRequest(
            @Schema(description = "填报的单位编号", requiredMode = Schema.RequiredMode.REQUIRED, example = "donghai")
            String unit,
            @Schema(description = "被审核的填报的键（其 idempotencyKey）", requiredMode = Schema.RequiredMode.REQUIRED)
            String submission,
            @Schema(description = "通过（ACCEPTED）或退回（RETURNED）", requiredMode = Schema.RequiredMode.REQUIRED,
                    implementation = ReviewDecision.class) String decision,
            @Schema(description = "退回原因：退回时必填，不超过500字", maxLength = 500) String reason) {
    }

    @Schema(description = "延期申请")
    public record ExtensionRequest(
            @Schema(description = "申请的完成日期（年-月-日），须晚于计划的完成时限", requiredMode = Schema.RequiredMode.REQUIRED,
                    format = "date", example = "2027-01-31") String date,
            @Schema(description = "延期理由，必填，不超过500字", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 500)
            String reason) {
    }

    @Schema(description = "对延期申请的决定")
    public record ExtensionDecision(
            @Schema(description = "批准（APPROVED）或不予批准（REJECTED），须与此完全一致",
                    requiredMode = Schema.RequiredMode.REQUIRED, implementation = Extension.Decision.class)
            String decision,
            @Schema(description = "批准时可另定完成日期（年-月-日，须晚于计划的完成时限）；不填则批准申请的日期", format = "date")
            String date,
            @Schema(description = "审批意见：不予批准时必填，不超过500字", maxLength = 500) String note) {
    }

    @Schema(description = "督办意见")
    public record InstructionRequest(
            @Schema(description = "只发给该责任单位；不填则发给本任务的全部责任单位", example = "donghai") String unit,
            @Schema(description = "督办意见，必填，不超过1000字", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 1000)
            String text) {
    }

    @Schema(description = "登记一个已直传到存储的文件")
    public record UploadedFile(
            @Schema(description = "直传后文件的键：直传表单 fields 中的 key，其中 ${filename} 换成所传文件的文件名"
                    + "（S3 在跳转地址的 key 参数中给出）",
                    requiredMode = Schema.RequiredMode.REQUIRED) String key) {
    }

    @Schema(description = "佐证材料文件（multipart/form-data）")
    public record EvidenceFiles(
            @ArraySchema(arraySchema = @Schema(description = "文件，可重复（字段名均为 files），每次最多10个，每个不超过20 MB",
                    requiredMode = Schema.RequiredMode.REQUIRED), schema = @Schema(type = "string", format = "binary"))
            List<byte[]> files) {
    }

    @Schema(description = "审核的结果")
    public record ReviewResult(@Schema(description = REPLAYED) boolean replayed, Review item) {
    }

    @Schema(description = "延期申请或审批的结果")
    public record ExtensionResult(@Schema(description = REPLAYED) boolean replayed, Extension item) {
    }

    @Schema(description = "督办意见的结果")
    public record InstructionResult(@Schema(description = REPLAYED) boolean replayed, Instruction item) {
    }

    @Schema(description = "上传佐证材料的结果：本次请求的全部文件（已有的同内容文件按原记录列出）")
    public record FilesResult(@Schema(description = "true：每个文件都已在该填报中，本次没有新保存任何文件（200）")
                              boolean replayed, List<EvidenceFile> item) {
    }

    @Schema(description = "登记直传文件的结果")
    public record FileResult(@Schema(description = REPLAYED) boolean replayed, EvidenceFile item) {
    }
}
