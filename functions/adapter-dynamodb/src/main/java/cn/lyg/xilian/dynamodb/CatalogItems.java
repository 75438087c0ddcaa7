package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.catalog.Field;
import cn.lyg.xilian.core.catalog.Milestone;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Section;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.catalog.UnitKind;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The catalog items of the plan partition {@code PLAN#Y} (infra/dynamodb/TABLE.md): plan header {@code META},
 * {@code SECTION#<id>}, {@code UNIT#<id>}, {@code TASK#<id>}. Each carries {@code position}, the notice's order (the
 * sort key puts TASK#1.10 before TASK#1.2), and {@code contentHash}, computed over every other attribute, which lets
 * a reload skip unchanged items. Milestones and targets are lists of maps, native documents readable in the console;
 * target minimums are decimal strings, since DynamoDB would normalise 8.0 to 8.
 */
final class CatalogItems {

    static final String CONTENT_HASH = "contentHash";

    private CatalogItems() {
    }

    /** A catalog item as a load compares it: by sort key and content hash. */
    sealed interface CatalogItem extends PlanPartition.Item permits PlanHeaderItem, SectionItem, UnitItem, TaskItem {
        String sk();

        String contentHash();

        Integer position();
    }

    record PlanHeaderItem(String pk, String sk, Integer position, Integer year, String title, String docNumber,
                          LocalDate issuedOn, String contentHash) implements CatalogItem {

        static final TableSchema<PlanHeaderItem> SCHEMA;

        static {
            var s = ItemSchema.item(PlanHeaderItem.class);
            var position = s.integer("position", PlanHeaderItem::position);
            var year = s.integer("year", PlanHeaderItem::year);
            var title = s.string("title", PlanHeaderItem::title);
            var docNumber = s.string("docNumber", PlanHeaderItem::docNumber);
            var issuedOn = s.date("issuedOn", PlanHeaderItem::issuedOn);
            var contentHash = s.string(CONTENT_HASH, PlanHeaderItem::contentHash);
            SCHEMA = s.build(v -> new PlanHeaderItem(v.pk(), v.sk(), v.get(position), v.get(year), v.get(title),
                    v.get(docNumber), v.get(issuedOn), v.get(contentHash)));
        }

        static PlanHeaderItem of(Plan plan) {
            Function<String, PlanHeaderItem> item = hash -> new PlanHeaderItem(Keys.planPk(plan.year()), Keys.META, 0,
                    plan.year(), plan.title(), plan.docNumber(), plan.issuedOn(), hash);
            return hashed(SCHEMA, item.apply(null), item);
        }
    }

    record SectionItem(String pk, String sk, Integer position, String id, String title, Field field,
                       String contentHash) implements CatalogItem {

        static final TableSchema<SectionItem> SCHEMA;

        static {
            var s = ItemSchema.item(SectionItem.class);
            var position = s.integer("position", SectionItem::position);
            var id = s.string("id", SectionItem::id);
            var title = s.string("title", SectionItem::title);
            var field = s.enumeration("field", Field.class, SectionItem::field);
            var contentHash = s.string(CONTENT_HASH, SectionItem::contentHash);
            SCHEMA = s.build(v -> new SectionItem(v.pk(), v.sk(), v.get(position), v.get(id), v.get(title),
                    v.get(field), v.get(contentHash)));
        }

        static SectionItem of(int year, Section section, int position) {
            Function<String, SectionItem> item = hash -> new SectionItem(Keys.planPk(year),
                    Keys.sectionSk(section.id()), position, section.id(), section.title(), section.field(), hash);
            return hashed(SCHEMA, item.apply(null), item);
        }

        Section section() {
            return new Section(id, title, field);
        }
    }

    record UnitItem(String pk, String sk, Integer position, String id, String name, UnitKind kind, List<String> aliases,
                    String contentHash) implements CatalogItem {

        static final TableSchema<UnitItem> SCHEMA;

        static {
            var s = ItemSchema.item(UnitItem.class);
            var position = s.integer("position", UnitItem::position);
            var id = s.string("id", UnitItem::id);
            var name = s.string("name", UnitItem::name);
            var kind = s.enumeration("kind", UnitKind.class, UnitItem::kind);
            var aliases = s.strings("aliases", UnitItem::aliases);
            var contentHash = s.string(CONTENT_HASH, UnitItem::contentHash);
            SCHEMA = s.build(v -> new UnitItem(v.pk(), v.sk(), v.get(position), v.get(id), v.get(name),
                    v.get(kind), v.get(aliases), v.get(contentHash)));
        }

        static UnitItem of(int year, Unit unit, int position) {
            Function<String, UnitItem> item = hash -> new UnitItem(Keys.planPk(year), Keys.unitSk(unit.id()), position,
                    unit.id(), unit.name(), unit.kind(), unit.aliases(), hash);
            return hashed(SCHEMA, item.apply(null), item);
        }

        Unit unit() {
            return new Unit(id, name, kind, aliases == null ? List.of() : aliases);
        }
    }

    record TaskItem(String pk, String sk, Integer position, String id, String sectionId, String title, String text,
                    List<String> unitIds, LocalDate deadline, List<MilestoneItem> milestones,
                    List<TargetItem> targets, String contentHash) implements CatalogItem {

        static final TableSchema<TaskItem> SCHEMA;

        static {
            var s = ItemSchema.item(TaskItem.class);
            var position = s.integer("position", TaskItem::position);
            var id = s.string("id", TaskItem::id);
            var sectionId = s.string("sectionId", TaskItem::sectionId);
            var title = s.string("title", TaskItem::title);
            var text = s.string("text", TaskItem::text);
            var unitIds = s.strings("unitIds", TaskItem::unitIds);
            var deadline = s.date("deadline", TaskItem::deadline);
            var milestones = s.documentsKeepingNulls("milestones", MilestoneItem.class, MilestoneItem.SCHEMA,
                    TaskItem::milestones);
            var targets = s.documentsKeepingNulls("targets", TargetItem.class, TargetItem.SCHEMA, TaskItem::targets);
            var contentHash = s.string(CONTENT_HASH, TaskItem::contentHash);
            SCHEMA = s.build(v -> new TaskItem(v.pk(), v.sk(), v.get(position), v.get(id), v.get(sectionId),
                    v.get(title), v.get(text), v.get(unitIds), v.get(deadline), v.get(milestones), v.get(targets),
                    v.get(contentHash)));
        }

        static TaskItem of(int year, PlanTask task, int position) {
            Function<String, TaskItem> item = hash -> new TaskItem(Keys.planPk(year), Keys.taskSk(task.id()), position,
                    task.id(), task.sectionId(), task.title(), task.text(), task.unitIds(), task.deadline(),
                    task.milestones().stream().map(MilestoneItem::of).toList(),
                    task.targets().stream().map(TargetItem::of).toList(), hash);
            return hashed(SCHEMA, item.apply(null), item);
        }

        PlanTask task() {
            return new PlanTask(id, sectionId, title, text, unitIds == null ? List.of() : unitIds, deadline,
                    milestones == null ? List.of() : milestones.stream().map(MilestoneItem::milestone).toList(),
                    targets == null ? List.of() : targets.stream().map(TargetItem::target).toList());
        }
    }

    record MilestoneItem(LocalDate due, String description) {

        static final TableSchema<MilestoneItem> SCHEMA;

        static {
            var s = ItemSchema.of(MilestoneItem.class);
            var due = s.date("due", MilestoneItem::due);
            var description = s.string("description", MilestoneItem::description);
            SCHEMA = s.build(v -> new MilestoneItem(v.get(due), v.get(description)));
        }

        static MilestoneItem of(Milestone m) {
            return new MilestoneItem(m.due(), m.description());
        }

        Milestone milestone() {
            return new Milestone(due, description);
        }
    }

    record TargetItem(String id, String unitId, String metric, String minimum, String measure, String phrase) {

        static final TableSchema<TargetItem> SCHEMA;

        static {
            var s = ItemSchema.of(TargetItem.class);
            var id = s.string("id", TargetItem::id);
            var unitId = s.string("unitId", TargetItem::unitId);
            var metric = s.string("metric", TargetItem::metric);
            var minimum = s.string("minimum", TargetItem::minimum);
            var measure = s.string("measure", TargetItem::measure);
            var phrase = s.string("phrase", TargetItem::phrase);
            SCHEMA = s.build(v -> new TargetItem(v.get(id), v.get(unitId), v.get(metric), v.get(minimum),
                    v.get(measure), v.get(phrase)));
        }

        static TargetItem of(Target t) {
            return new TargetItem(t.id(), t.unitId(), t.metric(), t.minimum().toPlainString(), t.measure(), t.phrase());
        }

        Target target() {
            return new Target(id, unitId, metric, new BigDecimal(minimum), measure, phrase);
        }
    }

    /** The plan from its catalog items, each list in the notice's order ({@code position}). */
    static Plan plan(PlanHeaderItem header, List<SectionItem> sections, List<UnitItem> units, List<TaskItem> tasks) {
        return new Plan(header.year(), header.title(), header.docNumber(), header.issuedOn(),
                inOrder(sections).map(SectionItem::section).toList(),
                inOrder(units).map(UnitItem::unit).toList(),
                inOrder(tasks).map(TaskItem::task).toList());
    }

    /** The item with its content hash, computed over every other attribute it has. */
    private static <T extends CatalogItem> T hashed(TableSchema<T> schema, T unhashed, Function<String, T> withHash) {
        return withHash.apply(ContentHash.of(schema.itemToMap(unhashed, true), CONTENT_HASH));
    }

    private static <T extends CatalogItem> java.util.stream.Stream<T> inOrder(List<T> items) {
        return items.stream().sorted(Comparator.comparing(CatalogItem::position));
    }
}
