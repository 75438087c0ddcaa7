package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.admin.CoordinatorAccount;
import cn.lyg.xilian.core.admin.UnitProfile;
import cn.lyg.xilian.core.audit.Actor;
import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditEntry;
import cn.lyg.xilian.core.catalog.UnitKind;

import cn.lyg.xilian.core.access.Credential;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.access.Session;
import cn.lyg.xilian.core.alert.AlertRecord;
import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.alert.Finding;
import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.alert.Rule;
import cn.lyg.xilian.core.evidence.EvidenceFile;
import cn.lyg.xilian.core.evidence.EvidenceType;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.report.ReportWeek;
import cn.lyg.xilian.core.report.StatusSnapshot;
import cn.lyg.xilian.core.supervision.Extension;
import cn.lyg.xilian.core.progress.Review;
import cn.lyg.xilian.core.progress.ReviewDecision;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one item of every type the adapter stores, through the repositories, with fixed inputs: the stored
 * items are then byte-for-byte comparable with {@code stored-items.jsonl}, captured from the adapter before
 * its mapping was rewritten (existing tables must keep reading, and hashes must not change).
 */
final class StoredFormatScenario {

    static final ReportWeek WEEK = ReportWeek.parse("2026-W48");
    static final Instant T0 = Instant.parse("2026-11-24T01:02:03.456Z");

    private StoredFormatScenario() {
    }

    static void write(TestTable table) {
        var catalog = table.catalog();
        var progress = table.progress();
        var reviews = new DynamoReviewRepository(table.client, table.settings);
        var extensions = new DynamoExtensionRepository(table.client, table.settings);
        catalog.load(Fixtures.plan());

        progress.record(Fixtures.submission("3.1.1", "ganyu", "k-1", "2026-11-23T02:00:00.100Z"));
        // figures, an empty optional text, and a time with sub-millisecond digits
        progress.record(SubmissionBuilder.submission("3.1.1", "ganyu").year(Fixtures.YEAR).key("k-2")
                .status(ProgressStatus.BLOCKED, 55).figure("t1", "8.0").figure("t2", "1.25").progress("完成签约")
                .problems("资金未到位").reporter("李四").at(Instant.parse("2026-11-24T03:04:05.678912Z")).build());
        progress.record(Fixtures.submission("1.2", "donghai", "k-3", "2026-11-24T05:00:00Z"));

        Review review = new Review(Fixtures.YEAR, "3.1.1", "ganyu", "k-2", ReviewDecision.RETURNED, "请补充材料",
                "r-1", T0);
        reviews.claimReviewKey(review);
        reviews.review(review);
        new DynamoEvidenceRepository(table.client, table.settings).recordFile(new EvidenceFile(Fixtures.YEAR, "3.1.1", "ganyu", "k-2", "f-1", "合同.pdf",
                EvidenceType.PDF, 1234, "evidence/2026/3.1.1/ganyu/k-2/f-1", T0));
        Extension request = new Extension(Fixtures.YEAR, "1.2", "donghai", "e-1", LocalDate.of(2026, 10, 31),
                LocalDate.of(2026, 12, 15), "征地延误", T0, null, null, null, null);
        extensions.requestExtension(request);
        extensions.decideExtension(new Extension(Fixtures.YEAR, "1.2", "donghai", "e-1", LocalDate.of(2026, 10, 31),
                LocalDate.of(2026, 12, 15), "征地延误", T0, Extension.Decision.APPROVED, LocalDate.of(2026, 12, 10),
                "同意", T0.plusSeconds(60)));
        // a reported pair leaves the plan: its state stays, unassigned
        catalog.load(Fixtures.plan(Fixtures.replace(Fixtures.plan().tasks(),
                Fixtures.withUnits(Fixtures.TASK_1_2, "ganyu"))));

        var alerts = new DynamoAlertRepository(table.client, table.settings);
        Finding finding = new Finding(Fixtures.YEAR, "3.1.1", "ganyu", Rule.APPROACHING, Light.YELLOW, "lead-7",
                "距截止还有7天，进度40%", LocalDate.of(2026, 11, 24));
        alerts.recordIfAbsent(AlertRecord.newlyFound(finding, Set.of(Audience.unit("ganyu"), Audience.COORDINATORS), T0));
        alerts.markDelivered(AlertRecord.newlyFound(finding, Set.of(), T0).key(), Audience.unit("ganyu"),
                T0.plusSeconds(5));
        Finding other = new Finding(Fixtures.YEAR, "1.2", "ganyu", Rule.UNREPORTED, Light.RED, "2026-W48",
                "本周未报送", LocalDate.of(2026, 11, 24));
        alerts.recordIfAbsent(AlertRecord.newlyFound(other, Set.of(Audience.unit("ganyu")), T0));

        var digests = new DynamoDigestRepository(table.client, table.settings);
        digests.claim(Fixtures.YEAR, WEEK, "coordinators", T0);
        digests.claim(Fixtures.YEAR, WEEK, "unit:ganyu", T0);
        digests.markSent(Fixtures.YEAR, WEEK, "unit:ganyu", "<m-1@xilian>", T0.plusSeconds(9));
        digests.saveSnapshotIfAbsent(Fixtures.YEAR, WEEK, new StatusSnapshot(Map.of(
                "3.1.1#ganyu", ProgressStatus.BLOCKED, "1.2#donghai", ProgressStatus.IN_PROGRESS)));

        var credentials = new DynamoCredentialRepository(table.client, table.settings);
        credentials.create(new Credential("c0ffee", Role.UNIT, "ganyu", T0, T0.plusSeconds(86_400), null));
        credentials.create(new Credential("beef", Role.COORDINATOR, null, T0, null, null));
        credentials.revoke("beef", T0.plusSeconds(3));
        new DynamoSessionRepository(table.client, table.settings)
                .create(new Session("5e55", "c0ffee", T0, T0.plusSeconds(1)), T0.plusSeconds(604_800));

        // issue 23: the directory, a coordinator's own link, the audit trail
        credentials.create(new Credential("ace0", Role.COORDINATOR, null, T0, T0.plusSeconds(86_400), null,
                "c-0123456789"));
        var directory = new DynamoDirectory(table.client, table.settings);
        directory.create(new UnitProfile("ganyu", "赣榆区", UnitKind.COUNTY, List.of("赣榆"),
                List.of("ganyu@example.cn"), null, null, true, 1, null, null, List.of(), null));
        directory.update(new UnitProfile("ganyu", "赣榆区", UnitKind.COUNTY, List.of("赣榆"),
                List.of("ganyu@example.cn", "lianluo@example.cn"), "张三", "0518-1234567", true, 2, T0, null,
                List.of(), null));
        directory.markLinkSent("ganyu", T0.plusSeconds(10), List.of("ganyu@example.cn", "lianluo@example.cn"));
        directory.markSignedIn("ganyu", T0.plusSeconds(20));
        directory.create(new CoordinatorAccount("c-0123456789", "李四", "li@example.cn", true, T0, null));
        directory.create(new CoordinatorAccount("c-abcdefabcd", "王五", "wang@example.cn", true, T0, null));
        directory.remove("c-abcdefabcd", T0.plusSeconds(30));
        var audit = new DynamoAuditLog(table.client, table.settings);
        audit.record(new AuditEntry("a1b2c3d4e5f6a1b2c3d4e5f6", T0, new Actor(Actor.Kind.COORDINATOR, "c-0123456789"),
                AuditAction.UNIT_EDITED, "unit:ganyu", "联系人邮箱：ganyu@example.cn",
                "联系人邮箱：ganyu@example.cn、lianluo@example.cn", "203.0.113.9", "Mozilla/5.0"));
        audit.record(new AuditEntry("0f0f0f0f0f0f0f0f0f0f0f0f", T0.plusSeconds(40), Actor.OPERATOR,
                AuditAction.COORDINATOR_ADDED, "coordinator:c-0123456789", null, "李四（li@example.cn）", null, null));
    }
}
