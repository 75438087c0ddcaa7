package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.catalog.Field;
import cn.lyg.xilian.core.catalog.Milestone;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Section;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.catalog.UnitKind;
import cn.lyg.xilian.dynamodb.item.CatalogItem;
import cn.lyg.xilian.dynamodb.item.MilestoneItem;
import cn.lyg.xilian.dynamodb.item.PlanItem;
import cn.lyg.xilian.dynamodb.item.SectionItem;
import cn.lyg.xilian.dynamodb.item.TargetItem;
import cn.lyg.xilian.dynamodb.item.TaskItem;
import cn.lyg.xilian.dynamodb.item.UnitItem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** Maps the catalog records of core to storage items and back. Content hashes are set by the repository. */
final class CatalogMapper {

    private CatalogMapper() {
    }

    static PlanItem planItem(Plan plan) {
        PlanItem item = keyed(new PlanItem(), plan.year(), Keys.META, 0);
        item.setYear(plan.year());
        item.setTitle(plan.title());
        item.setDocNumber(plan.docNumber());
        item.setIssuedOn(plan.issuedOn().toString());
        return item;
    }

    static SectionItem sectionItem(int year, Section section, int position) {
        SectionItem item = keyed(new SectionItem(), year, Keys.sectionSk(section.id()), position);
        item.setId(section.id());
        item.setTitle(section.title());
        item.setField(section.field() == null ? null : section.field().name());
        return item;
    }

    static UnitItem unitItem(int year, Unit unit, int position) {
        UnitItem item = keyed(new UnitItem(), year, Keys.unitSk(unit.id()), position);
        item.setId(unit.id());
        item.setName(unit.name());
        item.setKind(unit.kind().name());
        item.setAliases(unit.aliases());
        return item;
    }

    static TaskItem taskItem(int year, PlanTask task, int position) {
        TaskItem item = keyed(new TaskItem(), year, Keys.taskSk(task.id()), position);
        item.setId(task.id());
        item.setSectionId(task.sectionId());
        item.setTitle(task.title());
        item.setText(task.text());
        item.setUnitIds(task.unitIds());
        item.setDeadline(task.deadline().toString());
        item.setMilestones(task.milestones().stream().map(CatalogMapper::milestoneItem).toList());
        item.setTargets(task.targets().stream().map(CatalogMapper::targetItem).toList());
        return item;
    }

    static Plan plan(PlanItem header, List<SectionItem> sections, List<UnitItem> units, List<TaskItem> tasks) {
        return new Plan(header.getYear(), header.getTitle(), header.getDocNumber(),
                LocalDate.parse(header.getIssuedOn()),
                inOrder(sections).stream().map(CatalogMapper::section).toList(),
                inOrder(units).stream().map(CatalogMapper::unit).toList(),
                inOrder(tasks).stream().map(CatalogMapper::task).toList());
    }

    static Section section(SectionItem item) {
        return new Section(item.getId(), item.getTitle(), item.getField() == null ? null : Field.valueOf(item.getField()));
    }

    static Unit unit(UnitItem item) {
        return new Unit(item.getId(), item.getName(), UnitKind.valueOf(item.getKind()), orEmpty(item.getAliases()));
    }

    static PlanTask task(TaskItem item) {
        return new PlanTask(item.getId(), item.getSectionId(), item.getTitle(), item.getText(),
                orEmpty(item.getUnitIds()), LocalDate.parse(item.getDeadline()),
                orEmpty(item.getMilestones()).stream().map(m -> new Milestone(LocalDate.parse(m.getDue()), m.getDescription())).toList(),
                orEmpty(item.getTargets()).stream().map(CatalogMapper::target).toList());
    }

    private static MilestoneItem milestoneItem(Milestone milestone) {
        MilestoneItem item = new MilestoneItem();
        item.setDue(milestone.due().toString());
        item.setDescription(milestone.description());
        return item;
    }

    private static TargetItem targetItem(Target target) {
        TargetItem item = new TargetItem();
        item.setId(target.id());
        item.setUnitId(target.unitId());
        item.setMetric(target.metric());
        item.setMinimum(target.minimum().toPlainString());
        item.setMeasure(target.measure());
        item.setPhrase(target.phrase());
        return item;
    }

    private static Target target(TargetItem item) {
        return new Target(item.getId(), item.getUnitId(), item.getMetric(), new BigDecimal(item.getMinimum()),
                item.getMeasure(), item.getPhrase());
    }

    private static <T extends CatalogItem> T keyed(T item, int year, String sk, int position) {
        item.setPk(Keys.planPk(year));
        item.setSk(sk);
        item.setPosition(position);
        return item;
    }

    private static <T extends CatalogItem> List<T> inOrder(List<T> items) {
        return items.stream().sorted(Comparator.comparing(CatalogItem::getPosition)).toList();
    }

    /** An empty list written through the mapper may come back absent: read absent as empty. */
    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
