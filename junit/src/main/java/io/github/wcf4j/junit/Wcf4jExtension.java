package io.github.wcf4j.junit;

import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceContract;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.inmemory.InMemoryNetwork;
import jakarta.jws.WebService;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link Wcf4jTest}: hosts the configuration's services once per annotated class (kept in the
 * class's extension store, so JUnit closes them after the class), and resolves parameters: {@link ServiceHost}, the
 * {@link InMemoryNetwork}, and contract proxies ({@link Wcf4jClient}, or any interface with {@code @WebService} or
 * {@code @ServiceContract}), whose factories are kept in the test's own store and closed after it.
 */
public final class Wcf4jExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Wcf4jExtension.class);
    private static final String HOSTED = "hosted";

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Optional<Wcf4jTest> own = AnnotationSupport.findAnnotation(testClass, Wcf4jTest.class);
        // a @Nested class without an annotation of its own finds none here, and uses its enclosing class's hosts
        if (own.isPresent()) {
            context.getStore(NAMESPACE).put(HOSTED, HostedConfiguration.open(own.get(), testClass));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ServiceHost.class || type == InMemoryNetwork.class || parameter.isAnnotated(Wcf4jClient.class)
                || type.isInterface() && (type.isAnnotationPresent(WebService.class)
                        || type.isAnnotationPresent(ServiceContract.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        HostedConfiguration hosted = context.getStore(NAMESPACE).get(HOSTED, HostedConfiguration.class);
        if (hosted == null) {
            throw new ParameterResolutionException("no @Wcf4jTest on " + context.getRequiredTestClass().getName()
                    + " or a class enclosing it");
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == ServiceHost.class) {
            return hosted.host();
        }
        if (type == InMemoryNetwork.class) {
            return hosted.network();
        }
        Optional<Wcf4jClient> named = parameter.findAnnotation(Wcf4jClient.class);
        ClientFactory<?> factory = named.isPresent() ? hosted.client(named.get().value(), type) : hosted.client(type);
        context.getStore(NAMESPACE).put(parameter, (ExtensionContext.Store.CloseableResource) factory::close);
        return factory.createChannel();
    }
}
