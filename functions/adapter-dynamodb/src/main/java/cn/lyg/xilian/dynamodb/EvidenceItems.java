package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.evidence.EvidenceFile;
import cn.lyg.xilian.core.evidence.EvidenceType;
import cn.lyg.xilian.core.evidence.ReportRef;
import cn.lyg.xilian.core.evidence.UploadTicket;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Instant;
import java.util.Set;

/** Evidence items in the task's supervision partition {@code PLAN#Y#SUP#<taskId>} (infra/dynamodb/TABLE.md). */
final class EvidenceItems {

    private EvidenceItems() {
    }

    /** A recorded file of a report: sk {@code FILE#<unit>#<report>#<fileId>}. */
    record FileItem(String pk, String sk, String type, String unitId, String reportKey, String fileId,
                    String displayName, EvidenceType fileType, Long size, String storageKey, Instant uploadedAt)
            implements SupervisionPartition.Item {

        static final TableSchema<FileItem> SCHEMA;

        static {
            var s = ItemSchema.item(FileItem.class);
            var type = s.string("type", FileItem::type);
            var unitId = s.string("unitId", FileItem::unitId);
            var reportKey = s.string("reportKey", FileItem::reportKey);
            var fileId = s.string("fileId", FileItem::fileId);
            var displayName = s.string("displayName", FileItem::displayName);
            var fileType = s.enumeration("fileType", EvidenceType.class, FileItem::fileType);
            var size = s.number("size", FileItem::size);
            var storageKey = s.string("storageKey", FileItem::storageKey);
            var uploadedAt = s.time("uploadedAt", FileItem::uploadedAt);
            SCHEMA = s.build(v -> new FileItem(v.pk(), v.sk(), v.get(type), v.get(unitId), v.get(reportKey),
                    v.get(fileId), v.get(displayName), v.get(fileType), v.get(size), v.get(storageKey),
                    v.get(uploadedAt)));
        }

        static FileItem of(EvidenceFile f) {
            return new FileItem(Keys.supervisionPk(f.planYear(), f.taskId()),
                    Keys.fileSk(f.unitId(), f.reportKey(), f.fileId()), "FILE", f.unitId(), f.reportKey(), f.fileId(),
                    f.displayName(), f.type(), f.size(), f.storageKey(), f.uploadedAt());
        }

        EvidenceFile file() {
            return new EvidenceFile(Keys.supervisionYear(pk), Keys.supervisionTask(pk), unitId, reportKey, fileId,
                    displayName, fileType, size, storageKey, uploadedAt);
        }
    }

    /** The ticket of a direct upload to one report: sk {@code UPLOAD#<unit>#<report>#<uploadId>}. */
    record UploadItem(String pk, String sk, String type, String unitId, String reportKey, String uploadId,
                      Instant issuedAt, String claimedName) implements ItemSchema.Keyed {

        static final TableSchema<UploadItem> SCHEMA;

        static {
            var s = ItemSchema.item(UploadItem.class);
            var type = s.string("type", UploadItem::type);
            var unitId = s.string("unitId", UploadItem::unitId);
            var reportKey = s.string("reportKey", UploadItem::reportKey);
            var uploadId = s.string("uploadId", UploadItem::uploadId);
            var issuedAt = s.time("issuedAt", UploadItem::issuedAt);
            var claimedName = s.string("claimedName", UploadItem::claimedName);
            SCHEMA = s.build(v -> new UploadItem(v.pk(), v.sk(), v.get(type), v.get(unitId), v.get(reportKey),
                    v.get(uploadId), v.get(issuedAt), v.get(claimedName)));
        }

        static UploadItem of(UploadTicket t) {
            ReportRef r = t.report();
            return new UploadItem(Keys.supervisionPk(r.year(), r.taskId()),
                    Keys.uploadSk(r.unitId(), r.reportKey(), t.uploadId()), "UPLOAD", r.unitId(), r.reportKey(),
                    t.uploadId(), t.issuedAt(), t.claimedName());
        }

        /** The ticket's key and the name of the object that claims it, nothing else: what an update sets. */
        static UploadItem claim(ReportRef r, String uploadId, String name) {
            Key key = key(r, uploadId);
            return new UploadItem(key.partitionKeyValue().s(), key.sortKeyValue().orElseThrow().s(), null, null, null,
                    null, null, name);
        }

        static Key key(ReportRef r, String uploadId) {
            return DynamoStore.key(Keys.supervisionPk(r.year(), r.taskId()),
                    Keys.uploadSk(r.unitId(), r.reportKey(), uploadId));
        }

        UploadTicket ticket(ReportRef r) {
            return new UploadTicket(r, uploadId, issuedAt, claimedName);
        }
    }

    /**
     * The file slots of one report: sk {@code SLOTS#<unit>#<report>}, the ids of its files and of those being
     * attached, a string set whose size a conditional write keeps within the limit (written by low-level updates:
     * {@code ADD} and {@code DELETE} on the set).
     */
    record SlotsItem(String pk, String sk, String type, Set<String> fileIds) implements ItemSchema.Keyed {

        static final String FILE_IDS = "fileIds";

        static final TableSchema<SlotsItem> SCHEMA;

        static {
            var s = ItemSchema.item(SlotsItem.class);
            var type = s.string("type", SlotsItem::type);
            var fileIds = s.stringSet(FILE_IDS, SlotsItem::fileIds);
            SCHEMA = s.build(v -> new SlotsItem(v.pk(), v.sk(), v.get(type), v.get(fileIds)));
        }

        static Key key(ReportRef r) {
            return DynamoStore.key(Keys.supervisionPk(r.year(), r.taskId()), Keys.slotsSk(r.unitId(), r.reportKey()));
        }
    }
}
