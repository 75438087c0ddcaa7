package cn.lyg.xilian.runtime;

import cn.lyg.xilian.core.access.CredentialCheck;
import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.wiring.CatalogJson;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.progress.ProgressInput;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.SubmitOutcome;
import cn.lyg.xilian.core.progress.SubmitProgress;
import cn.lyg.xilian.dynamodb.DynamoCatalogRepository;
import cn.lyg.xilian.dynamodb.DynamoCredentialRepository;
import cn.lyg.xilian.dynamodb.DynamoDbClientFactory;
import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.dynamodb.DynamoProgressRepository;
import cn.lyg.xilian.dynamodb.TableCreator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the functions find in a stack after {@code sam deploy} and infra/bin/load-plan: the table, the plan and
 * sign-in credentials, made here against a local DynamoDB (dynalite). Loading is idempotent (as the local run's).
 * <pre>LocalStage &lt;endpoint&gt; &lt;table&gt; &lt;plan.json&gt; &lt;links file&gt; &lt;public base URL&gt;</pre>
 * writes one development sign-in link per unit and one for the coordinators (the file is kept while every
 * link in it still signs in at that address, so the links survive restarts, as the local run's do).
 */
public final class LocalStage implements AutoCloseable {

    static final Duration DEV_CREDENTIAL_VALIDITY = Duration.ofDays(365);

    private final DynamoDbClient client;
    private final DynamoDbSettings settings;
    private final Credentials credentials;

    public LocalStage(URI endpoint, String table, String region) {
        this.settings = DynamoDbSettings.of(table, endpoint, region);
        this.client = DynamoDbClientFactory.client(settings);
        this.credentials = new Credentials(new DynamoCredentialRepository(client, settings), Clock.systemUTC());
    }

    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: LocalStage <endpoint> <table> <plan.json> <links file> <public base URL>");
            System.exit(2);
        }
        try (LocalStage stage = new LocalStage(URI.create(args[0]), args[1], "us-east-1")) {
            Plan plan = stage.load(Path.of(args[2]));
            Path links = Path.of(args[3]);
            if (!stage.linksStillValid(links, args[4])) {
                stage.writeLinks(plan, links, args[4]);
            }
            System.out.println("plan " + plan.year() + " (" + plan.tasks().size() + " tasks) in table " + args[1]
                    + "; sign-in links: " + links.toAbsolutePath());
        }
    }

    /** Creates the table if absent and loads the catalog (unchanged items are not written). */
    public Plan load(Path catalog) {
        new TableCreator(client).createIfAbsent(settings.tableName());
        Plan plan;
        try (InputStream in = Files.newInputStream(catalog)) {
            plan = CatalogJson.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + catalog, e);
        }
        new DynamoCatalogRepository(client, settings).load(plan);
        return plan;
    }

    /** A new sign-in token (the raw token the /login link carries). */
    public String issue(Role role, String unitId) {
        return credentials.issue(role, unitId, DEV_CREDENTIAL_VALIDITY).token();
    }

    /**
     * A unit's report stored through the use case, as the form and the JSON API store one: its fields as typed, by
     * their names on the wire ("status", "percent", "progress", …), so a new report field changes nothing here.
     */
    public Submission report(Plan plan, String taskId, String unitId, String key, Map<String, String> fields) {
        SubmitOutcome outcome = new SubmitProgress(new DynamoProgressRepository(client, settings), Clock.systemUTC())
                .submit(plan, new Principal(Role.UNIT, unitId, "local-stage"), taskId,
                        ProgressInput.read(fields::get, Map.of(), key, List.of()));
        if (outcome instanceof SubmitOutcome.Stored stored) {
            return stored.submission();
        }
        throw new IllegalStateException("report not stored: " + outcome);
    }

    public DynamoDbClient client() {
        return client;
    }

    public DynamoDbSettings settings() {
        return settings;
    }

    /** Sign-in links: coordinators first, then one per unit, {@code name (id) link} per line. */
    public Map<String, String> writeLinks(Plan plan, Path file, String baseUrl) {
        String base = baseUrl.replaceAll("/+$", "");
        Map<String, String> tokens = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        lines.add("# 本地开发用登录链接（经 Lambda 函数；仅限本机）");
        lines.add("# Development sign-in links for infra/bin/lambda-local (this machine only). Delete this file to re-issue.");
        tokens.put("coordinator", issue(Role.COORDINATOR, null));
        lines.add("市发改委（协调员，查看全部） " + link(base, tokens.get("coordinator")));
        for (Unit unit : plan.units()) {
            tokens.put(unit.id(), issue(Role.UNIT, unit.id()));
            lines.add(unit.name() + " (" + unit.id() + ") " + link(base, tokens.get(unit.id())));
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return tokens;
    }

    boolean linksStillValid(Path file, String baseUrl) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        String prefix = baseUrl.replaceAll("/+$", "") + "/login?token=";
        try {
            List<String> links = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains("/login?token=")).toList();
            return !links.isEmpty() && links.stream().allMatch(l -> {
                int at = l.indexOf(prefix);
                return at >= 0 && credentials.authenticate(URLDecoder.decode(l.substring(at + prefix.length()).strip(),
                        StandardCharsets.UTF_8)) instanceof CredentialCheck.Valid;
            });
        } catch (IOException e) {
            return false;
        }
    }

    private static String link(String base, String token) {
        return base + "/login?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        client.close();
    }
}
