package cn.lyg.xilian.tools.importer;

import cn.lyg.xilian.core.catalog.Field;
import cn.lyg.xilian.core.catalog.Milestone;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Section;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.catalog.Unit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlanImporterTest {

    private static final String NOTICE = RepoFiles.read(RepoFiles.NOTICE_2026);
    private static final List<String> ALL_COUNTIES = List.of("donghai", "guanyun", "guannan", "ganyu", "haizhou", "lianyun");
    private static final LocalDate YEAR_END = LocalDate.of(2026, 12, 31);

    private final ImportResult result = PlanImporter.importWithDefaultRegistry(NOTICE);
    private final Plan plan = result.plan().orElseThrow();

    @Test
    void readsThe2026NoticeWithoutProblems() {
        assertThat(result.problems()).isEmpty();
        assertThat(plan.year()).isEqualTo(2026);
        assertThat(plan.title()).isEqualTo("无锡连云港南北结对帮扶合作2026年重点工作计划");
        assertThat(plan.docNumber()).isEqualTo("连政办发〔2026〕13号");
        assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2026, 6, 22));
    }

    @Test
    void readsAll44TasksInOrder() {
        assertThat(plan.tasks()).extracting(PlanTask::id).containsExactly(
                "1.1", "1.2", "1.3", "1.4", "1.5",
                "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9",
                "3.1.1", "3.1.2", "3.1.3", "3.1.4", "3.1.5", "3.1.6", "3.1.7",
                "3.2.1", "3.2.2", "3.2.3", "3.2.4",
                "3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5",
                "3.4.1", "3.4.2", "3.4.3", "3.4.4",
                "3.5.1", "3.5.2", "3.5.3", "3.5.4", "3.5.5",
                "3.6.1", "3.6.2", "3.6.3", "3.6.4", "3.6.5");
        assertThat(plan.tasks()).allSatisfy(t -> {
            assertThat(t.sectionId()).isEqualTo(t.id().substring(0, t.id().lastIndexOf('.')));
            assertThat(t.title()).isNotBlank().hasSizeLessThanOrEqualTo(30);
            // the title may collapse an enumeration, so only its start is the text's start
            assertThat(t.text()).startsWith(t.title().substring(0, 4)).doesNotContain("责任单位", "\n", " 年");
            assertThat(t.unitIds()).isNotEmpty();
        });
    }

    @Test
    void readsSectionsWithTheirFields() {
        assertThat(plan.sections()).containsExactly(
                new Section("1", "统筹开展两市帮扶合作", null),
                new Section("2", "推进产业园区、基地合作共建", null),
                new Section("3.1", "深化产业领域帮扶合作", Field.INDUSTRY),
                new Section("3.2", "深化科技领域帮扶合作", Field.TECHNOLOGY),
                new Section("3.3", "深化教育领域帮扶合作", Field.EDUCATION),
                new Section("3.4", "深化医疗卫生领域帮扶合作", Field.HEALTH),
                new Section("3.5", "深化文旅康养领域帮扶合作", Field.CULTURE_TOURISM),
                new Section("3.6", "深化人力资源领域帮扶合作", Field.HUMAN_RESOURCES));
    }

    @Test
    void listsReferencedUnitsInOrderOfFirstAppearance() {
        assertThat(plan.units()).extracting(Unit::id).containsExactly(
                "city-ndrc", "wuxi-team", "donghai", "guanyun", "guannan", "ganyu", "haizhou", "lianyun",
                "city-education", "city-science", "city-industry", "city-commerce", "city-health",
                "city-culture-tourism", "city-civil-affairs", "city-hr", "city-transport", "city-agriculture",
                "city-org-dept", "city-social-sciences",
                "park-wuxi-lianyungang", "park-jiangyin-guanyun", "park-huiyu", "city-dev-zone",
                "base-guannan-materials", "city-public-security", "city-finance", "city-sasac",
                "city-transport-holding");
    }

    @Test
    void task1_1() {
        PlanTask task = task("1.1");
        assertThat(task.title()).isEqualTo("两市政府签订2026年度南北结对帮扶合作协议");
        assertThat(task.text()).isEqualTo("两市政府签订2026年度南北结对帮扶合作协议。对口县区签署2026年度结对帮扶合作协议。");
        assertThat(task.unitIds()).containsExactly("city-ndrc", "wuxi-team", "donghai", "guanyun", "guannan", "ganyu", "haizhou", "lianyun");
        assertThat(task.deadline()).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(task.milestones()).isEmpty();
        assertThat(task.targets()).isEmpty();
    }

    @Test
    void task1_4_dropsTheTrailingDeng() {
        PlanTask task = task("1.4");
        assertThat(task.unitIds()).containsExactly("city-ndrc", "city-education", "city-science", "city-industry",
                "city-commerce", "city-health", "city-culture-tourism", "city-civil-affairs", "city-hr",
                "city-transport", "city-agriculture");
        assertThat(task.deadline()).isEqualTo(YEAR_END);
        assertThat(task.milestones()).isEmpty();
        assertThat(task.targets()).containsExactly(
                new Target("t1", null, "亮点工作", new BigDecimal("1"), "项", "每个领域至少形成1项亮点工作"));
    }

    @Test
    void task2_2() {
        PlanTask task = task("2.2");
        assertThat(task.unitIds()).containsExactly("park-wuxi-lianyungang", "park-jiangyin-guanyun", "park-huiyu", "haizhou", "guanyun", "ganyu");
        assertThat(task.deadline()).isEqualTo(YEAR_END);
        assertThat(task.text()).contains("江阴灌云工业园区全力推动一期项目实现企业入驻运营");
        assertThat(task.milestones()).containsExactly(
                new Milestone(YEAR_END, "正式开园"),
                new Milestone(YEAR_END, "江阴灌云工业园区正式开园"),
                new Milestone(YEAR_END, "实现二期5.7万平方米厂房交付使用并开园运行"));
        assertThat(task.targets()).containsExactly(
                new Target("t1", "park-huiyu", "厂房", new BigDecimal("5.7"), "万平方米", "年内实现二期5.7万平方米厂房交付使用并开园运行"));
    }

    @Test
    void task2_3_bindsEachTargetToItsPark() {
        PlanTask task = task("2.3");
        assertThat(task.unitIds()).containsExactly("park-wuxi-lianyungang", "park-jiangyin-guanyun", "park-huiyu", "haizhou", "guanyun", "ganyu");
        assertThat(task.deadline()).isEqualTo(YEAR_END);
        assertThat(task.milestones()).isEmpty();
        assertThat(task.targets()).containsExactly(
                new Target("t1", "park-wuxi-lianyungang", "签约落地超亿元项目", new BigDecimal("8"), "个", "2026年力争签约落地超亿元项目不少于8个"),
                new Target("t2", "park-jiangyin-guanyun", "超亿元签约项目", new BigDecimal("5"), "个", "2026年完成超亿元签约项目不少于5个"),
                new Target("t3", "park-huiyu", "签约超亿元项目", new BigDecimal("3"), "个", "2026年力争签约超亿元项目3个"));
        assertThat(task.targetsFor("park-huiyu")).extracting(Target::minimum).containsExactly(new BigDecimal("3"));
    }

    @Test
    void task2_8_milestones() {
        PlanTask task = task("2.8");
        assertThat(task.unitIds()).containsExactly("donghai");
        assertThat(task.deadline()).isEqualTo(YEAR_END);
        assertThat(task.milestones()).containsExactly(
                new Milestone(LocalDate.of(2026, 6, 30), "完成签约"),
                new Milestone(YEAR_END, "启动建设"),
                new Milestone(YEAR_END, "实现投产"));
        assertThat(task.targets()).isEmpty();
    }

    @Test
    void task2_9_readsTwelveMonthWithoutQian() {
        PlanTask task = task("2.9");
        assertThat(task.unitIds()).containsExactly("base-guannan-materials", "guannan");
        assertThat(task.deadline()).isEqualTo(YEAR_END);
        assertThat(task.milestones()).isEmpty();
        assertThat(task.targets()).containsExactly(
                new Target("t1", null, "新材料项目", new BigDecimal("5"), "个", "推动引进新材料项目不低于5个"),
                new Target("t2", null, "总投资", new BigDecimal("20"), "亿元", "总投资20亿元以上"));
    }

    @Test
    void task3_1_1_unitBrokenAcrossLinesWithMixedBrackets() {
        PlanTask task = task("3.1.1");
        assertThat(task.unitIds()).containsExactly("donghai", "guanyun", "guannan", "ganyu", "haizhou", "lianyun", "city-industry");
        assertThat(task.deadline()).isEqualTo(YEAR_END);
    }

    @Test
    void task3_1_3() {
        PlanTask task = task("3.1.3");
        assertThat(task.unitIds()).containsExactly("guannan", "city-ndrc", "city-industry", "city-finance",
                "city-commerce", "city-sasac", "city-transport-holding", "park-wuxi-lianyungang");
        assertThat(task.deadline()).isEqualTo(YEAR_END);
        assertThat(task.milestones()).isEmpty();
        assertThat(task.targets()).isEmpty();
    }

    @Test
    void task3_2_3() {
        PlanTask task = task("3.2.3");
        assertThat(task.unitIds()).containsExactly("city-science");
        assertThat(task.deadline()).isEqualTo(YEAR_END);
        assertThat(task.milestones()).isEmpty();
        assertThat(task.targets()).containsExactly(
                new Target("t1", null, "惠企活动", new BigDecimal("20"), "场次", "开展惠企活动20场次以上"),
                new Target("t2", null, "对接高校院所", new BigDecimal("6"), "家次", "对接高校院所6家次以上"),
                new Target("t3", null, "新驻科技型企业", new BigDecimal("15"), "家", "力争招引新驻科技型企业15家以上"),
                new Target("t4", null, "来连落户企业", new BigDecimal("5"), "家", "来连落户企业5家以上"));
    }

    @Test
    void task3_4_1_takesTheLowerBoundOfARange() {
        PlanTask task = task("3.4.1");
        assertThat(task.unitIds()).containsExactly("city-health", "donghai", "guanyun", "guannan", "ganyu", "haizhou", "lianyun");
        assertThat(task.deadline()).isEqualTo(YEAR_END);
        assertThat(task.milestones()).isEmpty();
        assertThat(task.targets()).containsExactly(
                new Target("t1", null, "县级医院临床专科", new BigDecimal("1"), "个", "支持1—2个县级医院临床专科争创市级重点专科"),
                new Target("t2", null, "乡镇卫生院特色专科", new BigDecimal("2"), "个", "指导2—3个乡镇卫生院特色专科提升服务能力"));
    }

    @Test
    void task3_6_5() {
        PlanTask task = task("3.6.5");
        assertThat(task.unitIds()).containsExactly("city-hr", "city-ndrc", "city-education");
        assertThat(task.deadline()).isEqualTo(YEAR_END);
        assertThat(task.milestones()).isEmpty();
        assertThat(task.targets()).isEmpty();
    }

    @Test
    void otherTargetsOfThePlan() {
        assertThat(task("1.3").targets()).containsExactly(
                new Target("t1", null, "重点乡镇结对合作", new BigDecimal("12"), "对", "落细落实12对重点乡镇结对合作"));
        assertThat(task("3.6.2").targets()).containsExactly(
                new Target("t1", null, "连云港市返乡创业就业（无锡）服务驿站", new BigDecimal("5"), "个", "建好用好5个连云港市返乡创业就业（无锡）服务驿站"));
        // 第四届, 第三期 and years are not targets
        assertThat(task("1.5").targets()).isEmpty();
        assertThat(task("1.1").targets()).isEmpty();
    }

    @Test
    void aTaskWithoutItsBracketIsReportedWithItsLineAndLeftOut() {
        String[] lines = NOTICE.split("\n", -1);
        assertThat(lines[24]).startsWith("2. 定期召开");
        lines[24] = lines[24].replaceFirst("〔责任单位.*〕$", "");

        ImportResult broken = PlanImporter.importWithDefaultRegistry(String.join("\n", lines));

        assertThat(broken.isClean()).isFalse();
        assertThat(broken.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(25);
            assertThat(p.message()).contains("1.2", "责任单位");
            assertThat(p.fragment()).startsWith("定期召开");
        });
        assertThat(broken.plan().orElseThrow().task("1.2")).isEmpty();
        assertThat(broken.plan().orElseThrow().tasks()).hasSize(43);
    }

    @Test
    void anUnknownUnitIsReportedWithItsLine() {
        String notice = NOTICE.replace("市委组织部、市发改委、市工信局、市社科联", "市委组织部、市发改委、市工信局、市外办");

        ImportResult broken = PlanImporter.importWithDefaultRegistry(notice);

        assertThat(broken.isClean()).isFalse();
        assertThat(broken.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(33);
            assertThat(p.fragment()).isEqualTo("市外办");
            assertThat(p.message()).isEqualTo("任务 1.5：单位“市外办”未登记。"
                    + "请协调员（或运维人员）在「单位与账号管理」（/admin/units）新增该单位后重新导入");
        });
    }

    @Test
    void anUnknownUnitOnTheSecondLineOfABracketIsReportedOnThatLine() {
        String notice = NOTICE.replace("市发改委、东海县、灌云县、灌南县、赣榆区、连云区，完成时间：12月底前）",
                "市发改委、东海县、灌云县、灌南县、赣榆区、连云县，完成时间：12月底前）");

        ImportResult broken = PlanImporter.importWithDefaultRegistry(notice);

        assertThat(broken.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(29);
            assertThat(p.fragment()).isEqualTo("连云县");
        });
    }

    @Test
    void textOutsideAnyTaskIsReported() {
        String notice = NOTICE.replace("## 二、推进产业园区、基地合作共建\n", "## 二、推进产业园区、基地合作共建\n\n各园区要加强协作。\n");

        ImportResult broken = PlanImporter.importWithDefaultRegistry(notice);

        assertThat(broken.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(37);
            assertThat(p.message()).contains("outside any task");
        });
    }

    @Test
    void aDeadlineItCannotReadIsReported() {
        String notice = NOTICE.replace("（责任单位：东海县，完成时间：12月底前）", "（责任单位：东海县，完成时间：尽快）");

        ImportResult broken = PlanImporter.importWithDefaultRegistry(notice);

        assertThat(broken.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(55);
            assertThat(p.fragment()).isEqualTo("尽快");
        });
    }

    @Test
    void aNumberThatLooksLikeATargetButCannotBeReadIsReported() {
        String notice = NOTICE.replace("开展惠企活动 20 场次以上", "开展惠企活动 20 轮以上");

        ImportResult broken = PlanImporter.importWithDefaultRegistry(notice);

        assertThat(broken.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(87);
            assertThat(p.fragment()).isEqualTo("开展惠企活动20轮以上");
        });
    }

    @Test
    void aNoticeWithoutTitleYearCannotBeRead() {
        String notice = NOTICE.replace("2026年重点工作计划", "年度重点工作计划").replace("2026 年重点工作计划", "年度重点工作计划");

        ImportResult broken = PlanImporter.importWithDefaultRegistry(notice);

        assertThat(broken.plan()).isEmpty();
        assertThat(broken.problems()).extracting(ImportProblem::message).anyMatch(m -> m.contains("title with a year"));
    }

    @Test
    void aNoticeWithoutTasksCannotBeRead() {
        String notice = NOTICE.substring(0, NOTICE.indexOf("## 一、"));

        ImportResult broken = PlanImporter.importWithDefaultRegistry(notice);

        assertThat(broken.plan()).isEmpty();
        assertThat(broken.problems()).extracting(ImportProblem::message).containsExactly("no task could be read");
    }

    @Test
    void theYearComesFromTheTitle() {
        Plan plan2027 = PlanImporter.importWithDefaultRegistry(NOTICE.replace("2026", "2027")).plan().orElseThrow();

        assertThat(plan2027.year()).isEqualTo(2027);
        assertThat(plan2027.docNumber()).isEqualTo("连政办发〔2027〕13号");
        assertThat(plan2027.issuedOn()).isEqualTo(LocalDate.of(2027, 6, 22));
        assertThat(plan2027.task("1.1").orElseThrow().deadline()).isEqualTo(LocalDate.of(2027, 7, 31));
        assertThat(plan2027.task("1.2").orElseThrow().deadline()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(plan2027.task("2.8").orElseThrow().milestones()).extracting(Milestone::due)
                .containsExactly(LocalDate.of(2027, 6, 30), LocalDate.of(2027, 12, 31), LocalDate.of(2027, 12, 31));
    }

    @Test
    void shortTitles() {
        assertThat(PlanImporter.shortTitle("推动两地安防产业、低空经济、数字经济等公共实训鉴定基地共建共用，加强两地安防技能实训。"))
                .isEqualTo("推动两地安防产业等公共实训鉴定基地共建共用");
        assertThat(PlanImporter.shortTitle("加强农业产业合作，指导各县持续做好农特产品展示展销工作。")).isEqualTo("加强农业产业合作，指导各县持续做好农特产品展示展销工作");
        assertThat(PlanImporter.shortTitle("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三")).hasSize(30).endsWith("…");
    }

    private PlanTask task(String id) {
        return plan.task(id).orElseThrow(() -> new AssertionError("no task " + id));
    }
}
