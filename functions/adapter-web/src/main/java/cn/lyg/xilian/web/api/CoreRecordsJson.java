package cn.lyg.xilian.web.api;

import cn.lyg.xilian.core.evidence.EvidenceFile;
import cn.lyg.xilian.core.evidence.EvidenceStore;
import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.supervision.Extension;
import cn.lyg.xilian.core.supervision.Instruction;
import cn.lyg.xilian.core.supervision.TaskSupervision;
import io.micronaut.serde.annotation.SerdeImport;

/**
 * The core's records the JSON API answers with as they are (the supervision of a task, the items of
 * {@code Outcomes.Result}, the direct-upload form): their serialization metadata is generated here, in the adapter
 * that writes them, so the core carries no framework annotation. The plan's records (a task's {@code targets}) are
 * registered with the catalog's format (wiring's {@code CatalogJson}).
 */
@SerdeImport(TaskSupervision.class)
@SerdeImport(Review.class)
@SerdeImport(Extension.class)
@SerdeImport(Instruction.class)
@SerdeImport(EvidenceFile.class)
@SerdeImport(EvidenceStore.DirectUpload.class)
final class CoreRecordsJson {

    private CoreRecordsJson() {
    }
}
