package cn.lyg.xilian.s3;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written signer against AWS's own worked example (S3 API reference, "Authenticating Requests: Using Query
 * Parameters", GET test.txt from examplebucket): moto does not check signatures, so this is what says real S3
 * will accept ours. The POST policy is signed with the same key derivation.
 */
class SigV4Test {

    @Test
    void presignedGetMatchesTheDocumentedExample() {
        var creds = new SigV4.Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", Optional.empty());
        URI url = new SigV4("us-east-1").presign("GET", URI.create("https://examplebucket.s3.amazonaws.com"), "/test.txt",
                Map.of(), creds, Instant.parse("2013-05-24T00:00:00Z"), Duration.ofSeconds(86400));
        assertThat(url.toString()).isEqualTo("https://examplebucket.s3.amazonaws.com/test.txt"
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    }

    @Test
    void pathSegmentsAreEncodedOnceAndSlashesKept() {
        assertThat(SigV4.encodePath("/evidence-it/evidence/2026/2.5/u/k/upload-x/规划 批复.pdf"))
                .isEqualTo("/evidence-it/evidence/2026/2.5/u/k/upload-x/%E8%A7%84%E5%88%92%20%E6%89%B9%E5%A4%8D.pdf");
    }
}
