package cn.lyg.xilian.tools.importer;

import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.wiring.CatalogJson;
import cn.lyg.xilian.tools.importer.PlanImporter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogJsonTest {

    static final String REGENERATE = "infra/plans/plan-2026.json is out of date with the importer. Regenerate it from the repository root with:\n"
            + "  infra/bin/import-plan infra/plans/2026-lianzhengbanfa-13.txt --out infra/plans/plan-2026.json\n"
            + "and review the diff before committing.";

    @Test
    void checkedInCatalogEqualsAFreshImport() {
        Plan fresh = PlanImporter.importWithDefaultRegistry(RepoFiles.read(RepoFiles.NOTICE_2026)).plan().orElseThrow();

        assertThat(RepoFiles.read(RepoFiles.CATALOG_2026)).as(REGENERATE).isEqualTo(CatalogJson.write(fresh));
    }

    @Test
    void readsBackWhatItWrites() throws IOException {
        Plan plan = PlanImporter.importWithDefaultRegistry(RepoFiles.read(RepoFiles.NOTICE_2026)).plan().orElseThrow();

        Plan read = CatalogJson.read(new ByteArrayInputStream(CatalogJson.write(plan).getBytes(StandardCharsets.UTF_8)));

        assertThat(read).isEqualTo(plan);
    }

    @Test
    void writesIsoDatesNullsAndEmptyLists() {
        Plan plan = PlanImporter.importWithDefaultRegistry(RepoFiles.read(RepoFiles.NOTICE_2026)).plan().orElseThrow();

        String json = CatalogJson.write(plan);

        assertThat(json).contains("\"issuedOn\" : \"2026-06-22\"", "\"deadline\" : \"2026-07-31\"",
                "\"field\" : null", "\"milestones\" : [ ]", "\"unitId\" : null");
    }
}
