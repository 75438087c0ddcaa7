package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.catalog.Field;
import cn.lyg.xilian.core.catalog.Milestone;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Section;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.catalog.UnitKind;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The catalog items of the plan partition {@code PLAN#Y} (infra/dynamodb/TABLE.md): plan header {@code META},
 * {@code SECTION#<id>}, {@code UNIT#<id>}, {@code TASK#<id>}. Each carries {@code position}, the notice's
 * order (the sort key puts TASK#1.10 before TASK#1.2), and {@code contentHash}, which lets a reload skip
 * unchanged items. Milestones and targets are lists of maps, native documents readable in the console;
 * target minimums are decimal strings, since DynamoDB would normalise 8.0 to 8.
 */
final class CatalogMapper {

    static final String CONTENT_HASH = "contentHash";
    private static final String POSITION = "position";

    private CatalogMapper() {
    }

    static Map<String, AttributeValue> planItem(Plan plan) {
        return hashed(catalogItem(plan.year(), Keys.META, 0)
                .n("year", plan.year())
                .s("title", plan.title())
                .s("docNumber", plan.docNumber())
                .s("issuedOn", plan.issuedOn().toString()));
    }

    static Map<String, AttributeValue> sectionItem(int year, Section section, int position) {
        return hashed(catalogItem(year, Keys.sectionSk(section.id()), position)
                .s("id", section.id())
                .s("title", section.title())
                .s("field", section.field() == null ? null : section.field().name()));
    }

    static Map<String, AttributeValue> unitItem(int year, Unit unit, int position) {
        return hashed(catalogItem(year, Keys.unitSk(unit.id()), position)
                .s("id", unit.id())
                .s("name", unit.name())
                .s("kind", unit.kind().name())
                .strings("aliases", unit.aliases()));
    }

    static Map<String, AttributeValue> taskItem(int year, PlanTask task, int position) {
        return hashed(catalogItem(year, Keys.taskSk(task.id()), position)
                .s("id", task.id())
                .s("sectionId", task.sectionId())
                .s("title", task.title())
                .s("text", task.text())
                .strings("unitIds", task.unitIds())
                .s("deadline", task.deadline().toString())
                .maps("milestones", task.milestones(), m -> Attributes.item()
                        .sOrNull("due", m.due().toString())
                        .sOrNull("description", m.description()).build())
                .maps("targets", task.targets(), t -> Attributes.item()
                        .sOrNull("id", t.id())
                        .sOrNull("unitId", t.unitId())
                        .sOrNull("metric", t.metric())
                        .sOrNull("minimum", t.minimum().toPlainString())
                        .sOrNull("measure", t.measure())
                        .sOrNull("phrase", t.phrase()).build()));
    }

    static Plan plan(Map<String, AttributeValue> header, List<Map<String, AttributeValue>> sections,
                     List<Map<String, AttributeValue>> units, List<Map<String, AttributeValue>> tasks) {
        var h = Attributes.of(header);
        return new Plan(h.n("year"), h.s("title"), h.s("docNumber"), LocalDate.parse(h.s("issuedOn")),
                inOrder(sections).map(CatalogMapper::section).toList(),
                inOrder(units).map(CatalogMapper::unit).toList(),
                inOrder(tasks).map(CatalogMapper::task).toList());
    }

    static Section section(Attributes.Reader item) {
        return new Section(item.s("id"), item.s("title"), item.enumValue("field", Field.class));
    }

    static Unit unit(Attributes.Reader item) {
        return new Unit(item.s("id"), item.s("name"), item.enumValue("kind", UnitKind.class), item.strings("aliases"));
    }

    static PlanTask task(Attributes.Reader item) {
        return new PlanTask(item.s("id"), item.s("sectionId"), item.s("title"), item.s("text"),
                item.strings("unitIds"), LocalDate.parse(item.s("deadline")),
                item.maps("milestones", m -> new Milestone(LocalDate.parse(m.s("due")), m.s("description"))),
                item.maps("targets", t -> new Target(t.s("id"), t.s("unitId"), t.s("metric"),
                        new BigDecimal(t.s("minimum")), t.s("measure"), t.s("phrase"))));
    }

    private static Attributes.Writer catalogItem(int year, String sk, int position) {
        return Attributes.item().key(Keys.planPk(year), sk).n(POSITION, position);
    }

    /** The item with its content hash, computed over every other attribute it will have. */
    private static Map<String, AttributeValue> hashed(Attributes.Writer item) {
        Map<String, AttributeValue> attributes = item.build();
        attributes.put(CONTENT_HASH, Attributes.s(ContentHash.of(attributes, CONTENT_HASH)));
        return attributes;
    }

    private static java.util.stream.Stream<Attributes.Reader> inOrder(List<Map<String, AttributeValue>> items) {
        return items.stream().map(Attributes::of).sorted(Comparator.comparing(i -> i.n(POSITION)));
    }
}
