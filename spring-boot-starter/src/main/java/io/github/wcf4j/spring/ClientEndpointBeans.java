package io.github.wcf4j.spring;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.metrics.RuntimeMetrics;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Registers a bean of its contract type for each {@code <client><endpoint>} whose contract resolves to a Java interface
 * (WCF's generated client, or {@code new ChannelFactory<T>("endpointName").CreateChannel()}): the proxy bean is named
 * after the endpoint ({@code @Qualifier("BasicHttpBinding_ICalculator")} when several endpoints share a contract; an
 * unnamed endpoint by its contract's configuration name), and its {@link ClientFactory} is a bean named
 * {@code <name>.factory}, closed by {@link ClientFactories} before the hosts close (a reliable session ends with its
 * close handshake).
 *
 * <p>The configuration is read here, before any bean exists, from {@code wcf4j.config}.
 */
final class ClientEndpointBeans implements BeanDefinitionRegistryPostProcessor, EnvironmentAware,
        ResourceLoaderAware {
    private static final Logger LOG = LoggerFactory.getLogger(ClientEndpointBeans.class);

    private Environment environment;
    private ResourceLoader resources;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setResourceLoader(ResourceLoader resourceLoader) {
        this.resources = resourceLoader;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        Wcf4jProperties properties = Binder.get(environment).bind("wcf4j", Wcf4jProperties.class)
                .orElseGet(Wcf4jProperties::new);
        if (properties.getConfig() == null) {
            return;
        }
        ServiceModelConfiguration config = ConfigurationFile.read(properties.getConfig(), resources);
        ServiceTypes types = ServiceTypes.discovered();
        for (ClientEndpoint endpoint : config.clientEndpoints()) {
            Optional<Class<?>> contract = types.contract(endpoint.contract());
            String name = endpoint.name().isEmpty() ? endpoint.contract() : endpoint.name();
            if (contract.isEmpty()) {
                LOG.warn("<client><endpoint name=\"{}\">: no bean, its contract '{}' resolves to no Java interface"
                        + " (register it: a ServiceTypeRegistration, or @ServiceContract(configurationName))",
                        endpoint.name(), endpoint.contract());
                continue;
            }
            Wcf4jProperties.Client own = properties.getClients().get(name);
            URI address = own != null && own.getAddress() != null ? own.getAddress() : endpoint.address();
            register(registry, name, endpoint.withAddress(address), contract.get());
        }
    }

    private static <T> void register(BeanDefinitionRegistry registry, String name, ClientEndpoint endpoint,
            Class<T> contract) {
        String factoryName = name + ".factory";
        RootBeanDefinition factory = new RootBeanDefinition(ClientFactory.class);
        BeanFactory beans = (BeanFactory) registry;
        factory.setInstanceSupplier(() -> {
            ClientFactory.Builder<T> b = ClientFactory.builder(endpoint, contract).metrics(
                    beans.getBeanProvider(RuntimeMetrics.class).getIfAvailable(() -> RuntimeMetrics.NONE));
            beans.getBeanProvider(ClientCustomizer.class).orderedStream().forEach(c -> c.customize(name, b));
            return beans.getBean(ClientFactories.class).add(b.build());
        });
        factory.setDestroyMethodName("close");
        registry.registerBeanDefinition(factoryName, factory);
        RootBeanDefinition proxy = new RootBeanDefinition(contract);
        proxy.setInstanceSupplier(() -> contract.cast(beans.getBean(factoryName, ClientFactory.class)
                .createChannel()));
        proxy.setDependsOn(factoryName);
        proxy.setLazyInit(true);
        registry.registerBeanDefinition(name, proxy);
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    }
}
