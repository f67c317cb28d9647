package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.credentials.ClientCredentials;
import io.github.wcf4j.binding.credentials.ServiceCredentials;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.MtomMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.security.SslStreamSecurityBindingElement;
import io.github.wcf4j.binding.security.WindowsStreamSecurityBindingElement;
import io.github.wcf4j.binding.transaction.TransactionFlowBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;

/**
 * Every configuration element and attribute name wcf4j reads, as constants (WCF {@code ConfigurationStrings}). Names
 * are case-sensitive camelCase, exactly as WCF matches them.
 */
public final class ConfigStrings {
    private ConfigStrings() {
    }

    // sections and collections
    public static final String SYSTEM_SERVICE_MODEL = "system.serviceModel";
    public static final String SYSTEM_WEB = "system.web";
    public static final String LOCATION = "location";
    public static final String SERVICES = "services";
    public static final String SERVICE = "service";
    public static final String CLIENT = "client";
    public static final String BINDINGS = "bindings";
    public static final String BINDING = "binding";
    public static final String BEHAVIORS = "behaviors";
    public static final String BEHAVIOR = "behavior";
    public static final String SERVICE_BEHAVIORS = "serviceBehaviors";
    public static final String ENDPOINT_BEHAVIORS = "endpointBehaviors";
    public static final String EXTENSIONS = "extensions";
    public static final String BEHAVIOR_EXTENSIONS = "behaviorExtensions";
    public static final String BINDING_ELEMENT_EXTENSIONS = "bindingElementExtensions";
    public static final String BINDING_EXTENSIONS = "bindingExtensions";
    public static final String ENDPOINT_EXTENSIONS = "endpointExtensions";
    public static final String ENDPOINT = "endpoint";
    public static final String HOST = "host";
    public static final String BASE_ADDRESSES = "baseAddresses";
    public static final String BASE_ADDRESS = "baseAddress";
    public static final String TIMEOUTS = "timeouts";
    public static final String ADD = "add";
    public static final String CLEAR = "clear";
    public static final String REMOVE = "remove";
    public static final String HEADERS = "headers";
    public static final String IDENTITY = "identity";
    public static final String METADATA = "metadata";
    public static final String PROTOCOL_MAPPING = "protocolMapping";
    public static final String STANDARD_ENDPOINTS = "standardEndpoints";
    public static final String STANDARD_ENDPOINT = "standardEndpoint";
    public static final String MEX_ENDPOINT = "mexEndpoint";
    public static final String SERVICE_HOSTING_ENVIRONMENT = "serviceHostingEnvironment";
    public static final String DIAGNOSTICS = "diagnostics";

    // binding sections
    public static final String CUSTOM_BINDING = "customBinding";
    public static final String BASIC_HTTP_BINDING = "basicHttpBinding";
    public static final String BASIC_HTTPS_BINDING = "basicHttpsBinding";
    public static final String NET_HTTP_BINDING = "netHttpBinding";
    public static final String NET_HTTPS_BINDING = "netHttpsBinding";
    public static final String WS_HTTP_BINDING = "wsHttpBinding";
    public static final String WS_2007_HTTP_BINDING = "ws2007HttpBinding";
    public static final String WS_DUAL_HTTP_BINDING = "wsDualHttpBinding";
    public static final String NET_TCP_BINDING = "netTcpBinding";
    public static final String MEX_HTTP_BINDING = "mexHttpBinding";
    public static final String MEX_HTTPS_BINDING = "mexHttpsBinding";
    public static final String MEX_TCP_BINDING = "mexTcpBinding";
    public static final String MEX_NAMED_PIPE_BINDING = "mexNamedPipeBinding";

    // binding element extensions (the model's elements name themselves: CONFIG_NAME)
    public static final String RELIABLE_SESSION = ReliableSessionBindingElement.CONFIG_NAME;
    public static final String SECURITY = SecurityBindingElement.CONFIG_NAME;
    public static final String SECURE_CONVERSATION_BOOTSTRAP = "secureConversationBootstrap";
    public static final String LOCAL_CLIENT_SETTINGS = "localClientSettings";
    public static final String LOCAL_SERVICE_SETTINGS = "localServiceSettings";
    public static final String ISSUED_TOKEN_PARAMETERS = "issuedTokenParameters";
    public static final String COMPOSITE_DUPLEX = CompositeDuplexBindingElement.CONFIG_NAME;
    public static final String ONE_WAY = OneWayBindingElement.CONFIG_NAME;
    public static final String CHANNEL_POOL_SETTINGS = "channelPoolSettings";
    public static final String TEXT_MESSAGE_ENCODING = TextMessageEncodingBindingElement.CONFIG_NAME;
    public static final String BINARY_MESSAGE_ENCODING = BinaryMessageEncodingBindingElement.CONFIG_NAME;
    public static final String MTOM_MESSAGE_ENCODING = MtomMessageEncodingBindingElement.CONFIG_NAME;
    public static final String READER_QUOTAS = "readerQuotas";
    public static final String HTTP_TRANSPORT = HttpTransportBindingElement.CONFIG_NAME;
    public static final String HTTPS_TRANSPORT = HttpsTransportBindingElement.CONFIG_NAME;
    public static final String TCP_TRANSPORT = TcpTransportBindingElement.CONFIG_NAME;
    public static final String CONNECTION_POOL_SETTINGS = "connectionPoolSettings";
    public static final String EXTENDED_PROTECTION_POLICY = "extendedProtectionPolicy";
    public static final String WEB_SOCKET_SETTINGS = "webSocketSettings";
    public static final String MESSAGE_HANDLER_FACTORY = "messageHandlerFactory";
    public static final String TRANSACTION_FLOW = TransactionFlowBindingElement.CONFIG_NAME;
    public static final String WINDOWS_STREAM_SECURITY = WindowsStreamSecurityBindingElement.CONFIG_NAME;
    public static final String SSL_STREAM_SECURITY = SslStreamSecurityBindingElement.CONFIG_NAME;
    public static final String TRANSPORT = "transport";
    public static final String MESSAGE = "message";

    // behaviors
    public static final String SERVICE_METADATA = "serviceMetadata";
    public static final String SERVICE_DEBUG = "serviceDebug";
    public static final String SERVICE_THROTTLING = "serviceThrottling";
    public static final String SERVICE_CREDENTIALS = ServiceCredentials.CONFIG_NAME;
    public static final String CLIENT_CREDENTIALS = ClientCredentials.CONFIG_NAME;

    // common attributes
    public static final String NAME = "name";
    public static final String TYPE = "type";
    public static final String OPEN_TIMEOUT = "openTimeout";
    public static final String CLOSE_TIMEOUT = "closeTimeout";
    public static final String RECEIVE_TIMEOUT = "receiveTimeout";
    public static final String SEND_TIMEOUT = "sendTimeout";
    public static final String BEHAVIOR_CONFIGURATION = "behaviorConfiguration";
    public static final String BINDING_CONFIGURATION = "bindingConfiguration";
    public static final String CONTRACT = "contract";
    public static final String ADDRESS = "address";
    public static final String KIND = "kind";
    public static final String ENDPOINT_CONFIGURATION = "endpointConfiguration";
    public static final String SCHEME = "scheme";
}
