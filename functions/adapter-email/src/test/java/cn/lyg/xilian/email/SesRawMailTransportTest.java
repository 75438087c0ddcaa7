package cn.lyg.xilian.email;

import cn.lyg.xilian.core.mail.MailDeliveryException;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ses.SesClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real SES API server (moto), not a mock of the SDK. */
class SesRawMailTransportTest {

    private static final StaticCredentialsProvider FAKE_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    private static final String REGION = "ap-northeast-1";

    private static MotoServer moto;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start().orElse(null);
        Assumptions.assumeTrue(moto != null, "moto is not installed: pip install 'moto[server]'");
        try (SesClient ses = SesClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(REGION))
                .credentialsProvider(FAKE_CREDENTIALS).endpointOverride(moto.endpoint()).build()) {
            ses.verifyEmailIdentity(r -> r.emailAddress(Digests.SETTINGS.fromAddress()));
        }
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void theRawMessageArrivesByteForByte() throws Exception {
        OutgoingEmail email = new MimeAlertMailRenderer(Digests.SETTINGS, Digests.CLOCK).render(Digests.sample());

        try (SesRawMailTransport transport = SesRawMailTransport.create(
                new SesRawMailTransport.SesSettings(REGION, moto.endpoint()), FAKE_CREDENTIALS)) {
            transport.send(email);
        }

        assertThat(rawMessagesSent()).contains(new String(email.mime(), StandardCharsets.US_ASCII));
    }

    @Test
    void anUnverifiedSenderIsAFailedDelivery() {
        EmailSettings stranger = new EmailSettings("nobody@elsewhere.example", "陌生人", "https://x.example", "x.example");
        OutgoingEmail email = new MimeAlertMailRenderer(stranger, Digests.CLOCK).render(Digests.sample());

        try (SesRawMailTransport transport = SesRawMailTransport.create(
                new SesRawMailTransport.SesSettings(REGION, moto.endpoint()), FAKE_CREDENTIALS)) {
            assertThatThrownBy(() -> transport.send(email)).isInstanceOf(MailDeliveryException.class);
        }
    }

    /** The raw_data of every SES RawMessage moto holds, from its /moto-api/data.json dump. */
    private static List<String> rawMessagesSent() throws Exception {
        List<String> raw = new ArrayList<>();
        try (JsonParser json = new JsonFactory().createParser(moto.modelData())) {
            while (json.nextToken() != null) {
                if (json.currentToken() == JsonToken.FIELD_NAME && "raw_data".equals(json.currentName())) {
                    json.nextToken();
                    raw.add(json.getText());
                }
            }
        }
        return raw;
    }
}
