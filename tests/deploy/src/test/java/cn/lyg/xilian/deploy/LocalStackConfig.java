package cn.lyg.xilian.deploy;

import java.net.URI;
import java.util.Optional;

/** The one place the LocalStack endpoint is read: -Dlocalstack.endpoint, else env LOCALSTACK_ENDPOINT. */
final class LocalStackConfig {

    private LocalStackConfig() {
    }

    static Optional<URI> endpoint() {
        String v = System.getProperty("localstack.endpoint");
        if (v == null || v.isBlank()) {
            v = System.getenv("LOCALSTACK_ENDPOINT");
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(URI.create(v.strip()));
    }

    static final String SKIP_REASON = "LocalStack tests skipped: no LOCALSTACK_ENDPOINT / -Dlocalstack.endpoint "
            + "(infra/bin/test starts LocalStack natively and sets it; by hand: infra/localstack/native.sh start)";
}
