/**
 * The wcf4j Spring Boot starter: {@code wcf4j.config=classpath:App.config} hosts the configuration's services on the
 * application's beans and makes its client endpoints injectable.
 *
 * <pre>
 *  Wcf4jAutoConfiguration ─► ServiceModelConfiguration (ConfigurationFile: wcf4j.config)
 *     ├─ ServiceHosts (SmartLifecycle)   ─► ServiceHost per &lt;service&gt; whose name maps to a bean (ServiceBeans)
 *     ├─ ClientEndpointBeans             ─► a contract-typed proxy bean per &lt;client&gt;&lt;endpoint&gt;, its
 *     │                                       ClientFactory closed by ClientFactories (SmartLifecycle)
 *  Wcf4jMetricsAutoConfiguration ─► RuntimeMetrics = MicrometerRuntimeMetrics(MeterRegistry, ObservationRegistry)
 *  Wcf4jHealthAutoConfiguration  ─► health "wcf4j": one indicator per service host
 * </pre>
 */
package io.github.wcf4j.spring;
