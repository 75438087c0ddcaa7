package cn.lyg.xilian.api.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.function.BinaryTypeConfiguration;
import io.micronaut.servlet.http.BodyBuilder;
import io.micronaut.servlet.http.ServletExchange;
import io.micronaut.servlet.http.ServletHttpHandler;

/**
 * Micronaut's servlet-style dispatch fed with {@link HttpApiRequest} and {@link HttpApiResponse}: the adapter that
 * reads events and writes answers exactly as API Gateway HTTP API (payload 2.0) does, in front of the same router,
 * filters and controllers. Replace it by micronaut-aws's own handler once that maps {@code cookies} (PRs #2454,
 * #2570).
 */
public final class HttpApiEventHandler extends ServletHttpHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final BinaryTypeConfiguration binaryTypes;
    private final BodyBuilder bodyBuilder;

    public HttpApiEventHandler(ApplicationContext context) {
        super(context, context.getBean(ConversionService.class));
        this.binaryTypes = context.getBean(BinaryTypeConfiguration.class);
        this.bodyBuilder = context.getBean(BodyBuilder.class);
    }

    @Override
    protected ServletExchange<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> createExchange(
            APIGatewayV2HTTPEvent request, APIGatewayV2HTTPResponse ignored) {
        ConversionService conversion = applicationContext.getConversionService();
        return new HttpApiRequest<>(request, new HttpApiResponse<>(conversion, binaryTypes), conversion, bodyBuilder);
    }
}
