package io.github.wcf4j.binding;

import java.text.MessageFormat;

/**
 * The catalog of every user-visible WCF text that wcf4j reproduces, keyed by the WCF resource name.
 *
 * <p>Texts are WCF's own, character for character (including WCF's double spaces), from the .NET Framework
 * {@code System.ServiceModel} resources (as ported to dotnet/wcf and CoreWCF {@code Strings.resx}) and, for the
 * {@code Config_*}/{@code Top_level_*}/{@code Validation_*} keys, the {@code System.Configuration} resources. Placeholders
 * are {@code {0}}, {@code {1}}, ... and are substituted literally by {@link #format(Object...)}: WCF texts contain quoted
 * placeholders such as {@code '{0}'}, which {@link MessageFormat} would treat as literals, so it is not used.
 *
 * <pre>{@code
 * WcfText.ValueMustBeInRange.format(0, 16384)
 *   // "The value of this argument must fall within the range 0 to 16384."
 * }</pre>
 */
public enum WcfText {
    // ---- binding element property setters (ArgumentOutOfRangeException / ArgumentException)
    TimeSpanMustbeGreaterThanTimeSpanZero("TimeSpan must be greater than TimeSpan.Zero."),
    SFxTimeoutOutOfRangeTooBig("Timeouts larger than Int32.MaxValue TotalMilliseconds (approximately 24 days) cannot be"
            + " honored. To disable timeout, specify TimeSpan.MaxValue."),
    SFxTimeoutOutOfRange0("Timeout must be greater than or equal to TimeSpan.Zero. To disable timeout, specify"
            + " TimeSpan.MaxValue."),
    ValueMustBeInRange("The value of this argument must fall within the range {0} to {1}."),
    ValueMustBePositive("The value of this argument must be positive."),
    ValueMustBeGreaterThanZero("The value of this argument must be greater than 0."),
    ValueMustBeNonNegative("The value of this argument must be non-negative."),
    ConfigInvalidReliableMessagingVersionValue("'{0}' is not a valid reliable messaging version.  Valid values are"
            + " 'WSReliableMessagingFebruary2005' and 'WSReliableMessaging11'."),
    ConfigInvalidClassFactoryValue("The value '{0}' is not a valid instance of type '{1}'."),
    MessageTextEncodingNotSupported("The text encoding '{0}' used in the text message format is not supported."),
    HttpAuthorizationFailed("The HTTP request is unauthorized with client authentication scheme '{0}'. The"
            + " authentication header received from the server was '{1}'."),
    HttpAuthorizationForbidden("The HTTP request was forbidden with client authentication scheme '{0}'."),
    HttpMutualAuthNotSatisfied("The remote HTTP server did not satisfy the mutual authentication requirement."),
    HttpAuthSchemeCannotBeNone("The value specified for the AuthenticationScheme property on the"
            + " HttpTransportBindingElement ('{0}') is not allowed when building a ChannelFactory. If you used a standard"
            + " binding, ensure the ClientCredentialType is not set to HttpClientCredentialType.InheritedFromHost, a value"
            + " which is invalid on a client. If you set the value to '{0}' directly on the HttpTransportBindingElement,"
            + " please set it to Digest, Negotiate, NTLM, Basic, or Anonymous."),
    HttpRequiresSingleAuthScheme("The '{0}' authentication scheme has been specified on the HTTP factory. However, the"
            + " factory only supports specification of exactly one authentication scheme. Valid authentication schemes are"
            + " Digest, Negotiate, NTLM, Basic, or Anonymous."),
    HttpProxyRequiresSingleAuthScheme("The '{0}' authentication scheme has been specified for the proxy on the HTTP"
            + " factory. However, the factory only supports specification of exactly one authentication scheme. Valid"
            + " authentication schemes are Digest, Negotiate, NTLM, Basic, or Anonymous."),
    UseDefaultWebProxyCantBeUsedWithExplicitProxyAddress("You cannot specify an explicit Proxy Address as well as"
            + " UseDefaultWebProxy=true in your HTTP Transport Binding Element."),

    // ---- stack rules (System.ServiceModel.Channels.Binding / CustomBindingElement)
    CustomBindingRequiresTransport("Binding '{0}' lacks a TransportBindingElement.  Every binding must have a binding"
            + " element that derives from TransportBindingElement. This binding element must appear last in the"
            + " BindingElementCollection."),
    TransportBindingElementMustBeLast("In Binding '{0}', TransportBindingElement '{1}' does not appear last in the"
            + " BindingElementCollection.  Please change the order of elements such that the TransportBindingElement is"
            + " last."),
    MessageVersionMissingFromBinding("None of the binding elements in binding '{0}' define a message version. At least"
            + " one binding element must define a message version and return it from the GetProperty<MessageVersion>"
            + " method."),
    ConfigTransportAlreadyInBinding("Cannot add the transport element '{0}'. Another transport element already exists"
            + " in the binding '{1}'. There can only be one transport element for each binding."),
    ConfigMessageEncodingAlreadyInBinding("Cannot add the message encoding element '{0}'. Another message encoding"
            + " element already exists in the binding '{1}'. There can only be one message encoding element for each"
            + " binding."),
    ConfigStreamUpgradeElementAlreadyInBinding("Cannot add stream upgrade element '{0}'. Another stream upgrade"
            + " element already exists in the binding '{1}'. There can only be one stream update element per binding."),
    ConfigDuplicateItem("An extension named {0} already appears in the {1}. Extension names must be unique."),

    // ---- build-time checks of individual elements
    ManualAddressingNotSupported("Binding validation failed because the TransportBindingElement's ManualAddressing"
            + " property was set to true on a binding that is configured to create reliable sessions. This combination"
            + " is not supported and the channel factory or service host was not opened."),
    TransferModeNotSupported("Transfer mode {0} is not supported by {1}."),
    AddressingVersionNotSupported("Addressing Version '{0}' is not supported."),
    HeadersCannotBeAddedToEnvelopeVersion("Envelope Version '{0}' does not support adding Message Headers."),
    AddressingHeadersCannotBeAddedToAddressingVersion("Addressing Version '{0}' does not support adding WS-Addressing"
            + " headers."),
    MaxBufferSizeMustMatchMaxReceivedMessageSize("For TransferMode.Buffered, MaxReceivedMessageSize and MaxBufferSize"
            + " must be the same value."),
    MaxBufferSizeMustNotExceedMaxReceivedMessageSize("MaxBufferSize must not exceed MaxReceivedMessageSize."),
    MaxReceivedMessageSizeMustBeInIntegerRange("This factory buffers messages, so the message sizes must be in the"
            + " range of an integer value."),
    SecureConversationRequiredByReliableSession("Cannot establish a reliable session without secure conversation."
            + " Enable secure conversation."),
    ClientCredentialTypeMustBeSpecifiedForMixedMode("ClientCredentialType.None is not valid for the"
            + " TransportWithMessageCredential security mode. Specify a message credential type or use a different"
            + " security mode."),
    SecureConversationNeedsBootstrapSecurity("Cannot create security binding element based on the configuration"
            + " data. When secure conversation authentication mode is selected, the secure conversation bootstrap"
            + " binding element must also be specified. "),
    SecureConversationBootstrapCannotUseSecureConversation("Cannot create security binding element based on"
            + " configuration data. The secure conversation bootstrap requires another secure conversation which is"
            + " not supported. "),

    // ---- channel-shape negotiation (ChannelRequirements, OneWayBindingElement, BindingContext)
    OneWayInternalTypeNotSupported("Binding '{0}' is not configured properly. OneWayBindingElement requires an inner"
            + " binding element that supports IRequestChannel/IReplyChannel or IDuplexSessionChannel. "),
    CouldnTCreateChannelForChannelType2("Channel type '{1}' was requested, but Binding '{0}' doesn't support it or"
            + " isn't configured properly to support it."),
    BindingDoesnTSupportAnyChannelTypes1("Binding '{0}' doesn't support creating any channel types. This often"
            + " indicates that the BindingElements in a CustomBinding have been stacked incorrectly or in the wrong"
            + " order. A Transport is required at the bottom of the stack. The recommended order for BindingElements"
            + " is: TransactionFlow, ReliableSession, Security, CompositeDuplex, OneWay, StreamSecurity,"
            + " MessageEncoding, Transport. "),
    BindingDoesnTSupportSessionButContractRequires1("Contract requires Session, but Binding '{0}' doesn't support it"
            + " or isn't configured properly to support it."),
    BindingDoesntSupportDatagramButContractRequires("Contract does not allow Session, but Binding '{0}' does not"
            + " support Datagram or is not configured properly to support it."),
    BindingDoesnTSupportDuplexButContractRequires1("Contract requires Duplex, but Binding '{0}' doesn't support it or"
            + " isn't configured properly to support it."),
    BindingDoesnTSupportRequestReplyButContract1("Contract requires Request/Reply, but Binding '{0}' doesn't support"
            + " it or isn't configured properly to support it."),
    BindingDoesnTSupportOneWayButContractRequires1("Contract requires OneWay, but Binding '{0}' doesn't support it or"
            + " isn't configured properly to support it."),
    BindingDoesnTSupportTwoWayButContractRequires1("Contract requires TwoWay (either request-reply or duplex), but"
            + " Binding '{0}' doesn't support it or isn't configured properly to support it."),
    CouldnTCreateChannelForType2("Channel requirements cannot be met by the ChannelFactory for Binding '{0}' since the"
            + " contract requires support for one of these channel types '{1}' but the binding doesn't support any of"
            + " them."),
    NotAllBindingElementsBuilt("Some of the binding elements in this binding were not used when building the"
            + " ChannelFactory / ChannelListener.  This may be have been caused by the binding elements being"
            + " misordered.  The recommended order for binding elements is: TransactionFlow, ReliableSession, Security,"
            + " CompositeDuplex, OneWay, StreamSecurity, MessageEncoding, Transport.  Note that the"
            + " TransportBindingElement must be last.  The following binding elements were not built: {0}."),
    EndpointListenerRequirementsCannotBeMetBy3("ChannelDispatcher requirements cannot be met by the IChannelListener"
            + " for Binding '{0}' since the contract requires support for one of these channel types '{1}' but the"
            + " binding only supports these channel types '{2}'."),

    InvalidBindingScheme("The TransportBindingElement of type '{0}' in this CustomBinding returned a null or empty"
            + " string for the Scheme. TransportBindingElement's Scheme must be a non-empty string."),
    ConfigInvalidTransactionFlowProtocolValue("'{0}' is not a valid transaction protocol.  Valid values are"
            + " 'OleTransactions', 'WSAtomicTransactionOctober2004', and 'WSAtomicTransaction11'."),

    // ---- WCF configuration loading (ConfigLoader, BindingsSection, BehaviorsSection, ...)
    ConfigInvalidBindingName("The binding at {1} does not have a configured binding named '{0}'. This is an invalid"
            + " value for {2}."),
    ConfigBindingExtensionNotFound("Configuration binding extension '{0}' could not be found. Verify that this binding"
            + " extension is properly registered in system.serviceModel/extensions/bindingExtensions and that it is"
            + " spelled correctly."),
    ConfigInvalidServiceBehavior("There is no service behavior named '{0}'."),
    ConfigInvalidEndpointBehavior("There is no endpoint behavior named '{0}'."),
    ConfigInvalidExtensionElementName("Invalid element in configuration. The extension name '{0}' is not registered in"
            + " the collection at system.serviceModel/extensions/{1}. "),
    ConfigInvalidServiceBehaviorType("Cannot add the behavior extension '{0}' to the service behavior named '{1}'"
            + " because the underlying behavior type does not implement the IServiceBehavior interface."),
    ConfigInvalidEndpointBehaviorType("Cannot add the '{0}' behavior extension to '{1}' endpoint behavior because the"
            + " underlying behavior type does not implement the IEndpointBehavior interface."),
    ConfigDuplicateKeyAtSameScope("A child element named '{0}' with same key already exists at the same configuration"
            + " scope. Collection elements must be unique within the same configuration scope (e.g. the same"
            + " application.config file). Duplicate key value:  '{1}'."),
    ConfigDuplicateExtensionName(" An extension of name '{0}' already appears in extension collection. Extension names"
            + " must be unique."),
    ConfigInvalidAttribute("The attribute '{0}' cannot be specified on element '{1}' when attribute '{2}' is not"
            + " specified."),
    RequiredAttributeMissing("Attribute '{0}' is required on element '{1}'."),
    ConfigInvalidEncodingValue("{0} is not a valid encoding string for System.Text.Encoding.GetEncoding(string)."),
    BaseAddressMustBeAbsolute("Only an absolute Uri can be used as a base address."),
    /** {@code UriSchemeKeyedCollection}: one base address per scheme (.NET 4's text). */
    BaseAddressDuplicateScheme("This collection already contains an address with scheme {0}.  There can be at most one"
            + " address per scheme in this collection. If your service is being hosted in IIS you can fix the problem"
            + " by setting 'system.serviceModel/serviceHostingEnvironment/multipleSiteBindingsEnabled' to true or"
            + " specifying 'system.serviceModel/serviceHostingEnvironment/baseAddressPrefixFilters'."),
    BaseAddressCannotHaveUserInfo("A base address cannot contain a Uri user info section."),
    BaseAddressCannotHaveQuery("A base address cannot contain a Uri query string."),
    BaseAddressCannotHaveFragment("A base address cannot contain a Uri fragment."),
    ServiceHasZeroAppEndpoints("Service '{0}' has zero application (non-infrastructure) endpoints. This might be"
            + " because no configuration file was found for your application, or because no service element matching"
            + " the service name could be found in the configuration file, or because no endpoints were defined in the"
            + " service element."),
    SFxEndpointNoMatchingScheme("Could not find a base address that matches scheme {0} for the endpoint with binding"
            + " {1}. Registered base address schemes are [{2}]."),
    HttpRegistrationAlreadyExists("HTTP could not register URL {0}. Another application has already registered this"
            + " URL with HTTP.SYS."),
    SfxReflectedContractKeyNotFound2("The contract name '{0}' could not be found in the list of contracts implemented"
            + " by the service '{1}'."),

    // ---- certificate stores and endpoint identities (runtime.security: SecurityUtils, X509Certificate2Collection,
    // HttpsChannelFactory, HttpTransportSecurityHelpers, IdentityVerifier)
    CannotFindCert("Cannot find the X.509 certificate using the following search criteria: StoreName '{0}',"
            + " StoreLocation '{1}', FindType '{2}', FindValue '{3}'."),
    CannotFindCertForTarget("Cannot find The X.509 certificate using the following search criteria: StoreName '{0}',"
            + " StoreLocation '{1}', FindType '{2}', FindValue '{3}' for target '{4}'."),
    FoundMultipleCerts("Found multiple X.509 certificates using the following search criteria: StoreName '{0}',"
            + " StoreLocation '{1}', FindType '{2}', FindValue '{3}'. Provide a more specific find value."),
    FoundMultipleCertsForTarget("Found multiple X.509 certificates using the following search criteria: StoreName"
            + " '{0}', StoreLocation '{1}', FindType '{2}', FindValue '{3}' for target '{4}'. Provide a more specific find"
            + " value."),
    Cryptography_X509_InvalidFindValue("Invalid find value."),
    Cryptography_X509_InvalidFindType("Invalid find type."),
    InvalidHexString("Invalid hexadecimal string format."),
    HttpsExplicitIdentity("The HTTPS channel factory does not support explicit specification of an identity in the"
            + " EndpointAddress unless the authentication scheme is NTLM or Negotiate."),
    HttpsIdentityMultipleCerts("The endpoint identity specified when creating the HTTPS channel to '{0}' contains"
            + " multiple server certificates.  However, the HTTPS transport only supports the specification of a single"
            + " server certificate.  In order to create an HTTPS channel, please specify no more than one server"
            + " certificate in the endpoint identity."),
    HttpsServerCertThumbprintMismatch("The server certificate with name '{0}' failed identity verification because its"
            + " thumbprint ('{1}') does not match the one specified in the endpoint identity ('{2}').  As a result, the"
            + " current HTTPS request has failed.  Please update the endpoint identity used on the client or the"
            + " certificate used by the server."),
    IdentityCheckFailedForOutgoingMessage("The identity check failed for the outgoing message. The expected identity is"
            + " '{0}' for the '{1}' target endpoint."),
    IdentityCheckFailedForIncomingMessage("The identity check failed for the incoming message. The expected identity is"
            + " '{0}' for the '{1}' target endpoint."),
    DnsIdentityCheckFailedForOutgoingMessage("Identity check failed for outgoing message. The expected DNS identity of"
            + " the remote endpoint was '{0}' but the remote endpoint provided DNS claim '{1}'. If this is a legitimate"
            + " remote endpoint, you can fix the problem by explicitly specifying DNS identity '{1}' as the Identity"
            + " property of EndpointAddress when creating channel proxy."),
    DnsIdentityCheckFailedForIncomingMessage("Identity check failed for incoming message. The expected DNS identity of"
            + " the remote endpoint was '{0}' but the remote endpoint provided DNS claim '{1}'. If this is a legitimate"
            + " remote endpoint, you can fix the problem by explicitly specifying DNS identity '{1}' as the Identity"
            + " property of EndpointAddress when creating channel proxy."),
    DnsIdentityCheckFailedForOutgoingMessageLackOfDnsClaim("The Identity check failed for the outgoing message. The"
            + " remote endpoint did not provide a domain name system (DNS) claim and therefore did not satisfied DNS"
            + " identity '{0}'. This may be caused by lack of DNS or CN name in the remote endpoint X.509 certificate's"
            + " distinguished name."),
    DnsIdentityCheckFailedForIncomingMessageLackOfDnsClaim("The Identity check failed for the incoming message. The"
            + " remote endpoint did not provide a domain name system (DNS) claim and therefore did not satisfied DNS"
            + " identity '{0}'. This may be caused by lack of DNS or CN name in the remote endpoint X.509 certificate's"
            + " distinguished name."),

    // ---- endpoint addresses and WCF 4's simplified configuration (ConfigLoader, ServiceHostBase, standardEndpoints)
    UnableToLoadCertificateIdentity("Cannot load the X.509 certificate identity specified in the configuration."),
    BindingProtocolMappingNotDefined("The binding for scheme '{0}' specified in the protocol mapping does not exist"
            + " and must be created."),
    ConfigEndpointExtensionNotFound("Configuration endpoint extension '{0}' could not be found. Verify that this"
            + " endpoint extension is properly registered in system.serviceModel/extensions/endpointExtensions and that"
            + " it is spelled correctly."),
    ConfigInvalidEndpointName("The endpoint at {1} does not have a configured endpoint named '{0}'. This is an invalid"
            + " value for {2}."),
    Hosting_RelativeAddressFormatError("Registered relativeAddress '{0}' in configuration file is not a valid one."
            + " Possible causes could be : You specified an empty addreess or an absolute address (i.e., starting with '/'"
            + " or '\\'), or the address contains invalid character[s]. The supported relativeAddress formats are"
            + " \"[folder/]filename\" or \"~/[folder/]filename\".  "),
    Hosting_NoAbsoluteRelativeAddress(" '{0}' is an absolute address. The supported relativeAddress formats are"
            + " \"[subfolder/]filename\" or \"~/[subfolder/]filename\".  "),
    /** mscorlib {@code Convert.FromBase64String}. */
    Format_BadBase64Char("The input is not a valid Base-64 string as it contains a non-base 64 character, more than"
            + " two padding characters, or an illegal character among the padding characters."),
    /** mscorlib {@code Convert.FromBase64String}. */
    Format_BadBase64CharArrayLength("Invalid length for a Base-64 char array or string."),

    // ---- System.Configuration wording (config files)
    Config_base_unrecognized_attribute("Unrecognized attribute '{0}'. Note that attribute names are case-sensitive."),
    Config_base_unrecognized_element_name("Unrecognized element '{0}'."),
    Config_base_required_attribute_missing("Required attribute '{0}' not found."),
    Config_base_element_cannot_have_multiple_child_elements("The element <{0}> may only appear once in this section."),
    Config_base_section_invalid_content("The configuration section cannot contain a CDATA or text element."),
    Config_base_collection_entry_already_exists("The entry '{0}' has already been added."),
    Config_sections_must_be_unique("Sections must only appear once per config file.  See the help topic <location> for"
            + " exceptions."),
    Config_unrecognized_configuration_section("Unrecognized configuration section {0}."),
    Config_namespace_invalid("Namespace of '{0}' on configuration element is invalid, only '{1}' is valid."),
    Config_cannot_open_config_source("Unable to open configSource file '{0}'."),
    Config_source_file_format("The format of a configSource file must be an element containing the name of the"
            + " section."),
    Config_source_invalid_format("The configSource attribute must be a relative physical path."),
    /** .NET Framework wording, not in the .NET Core port of System.Configuration's resources. */
    Config_source_invalid_chars("The configSource attribute must be a relative physical path, so the '/' character is"
            + " not allowed."),
    Config_source_requires_file("The 'configSource' property may not be set in a configuration that has no associated"
            + " file."),
    Config_source_syntax_error("A section using 'configSource' may contain no other attributes or elements."),
    Config_source_cannot_be_shared("The configSource file '{0}' can only be used by one type of section, and may not"
            + " be the same as the configuration file."),
    Config_source_invalid("The configSource attribute is invalid."),
    Config_source_not_under_config_dir("The configSource '{0}' is invalid. It must refer to a file in the same"
            + " directory or in a subdirectory as the configuration file."),
    Wrapped_exception_message("{0}: {1}"),
    Top_level_validation_error("The value for the property '{0}' is not valid. The error is: {1}"),
    Top_level_conversion_error_from_string("The value of the property '{0}' cannot be parsed. The error is: {1}"),
    Validation_scalar_range_violation_not_in_range("The value must be inside the range {0}-{1}."),
    Validator_string_min_length("The string must be at least {0} characters long."),
    Invalid_enum_value("The enumeration value must be one of the following: {0}."),
    ConvertInvalidPrimitive("{0} is not a valid value for {1}."),
    Overflow_TimeSpanElementTooLarge("The TimeSpan could not be parsed because at least one of the numeric components"
            + " is out of range or contains too many digits."),
    Argument_EncodingNotSupported("'{0}' is not a supported encoding name. For information on defining a custom"
            + " encoding, see the documentation for the Encoding.RegisterProvider method."),

    // ---- message encoding and transport quotas
    XmlMaxDepthExceeded("The maximum read depth ({0}) has been exceeded because XML data being read has more levels of"
            + " nesting than is allowed by the quota. This quota may be increased by changing the MaxDepth property on"
            + " the XmlDictionaryReaderQuotas object used when creating the XML reader."),
    XmlMaxStringContentLengthExceeded("The maximum string content length quota ({0}) has been exceeded while reading"
            + " XML data. This quota may be increased by changing the MaxStringContentLength property on the"
            + " XmlDictionaryReaderQuotas object used when creating the XML reader."),
    XmlMaxArrayLengthExceeded("The maximum array length quota ({0}) has been exceeded while reading XML data. This"
            + " quota may be increased by changing the MaxArrayLength property on the XmlDictionaryReaderQuotas object"
            + " used when creating the XML reader."),
    XmlMaxArrayLengthOrMaxItemsQuotaExceeded("The maximum array length quota ({0}) or the maximum items in object graph"
            + " quota has been exceeded while reading XML data. These quotas may be increased by changing the"
            + " MaxArrayLength property on XmlDictionaryReaderQuotas or the MaxItemsInObjectGraph setting."),
    XmlMaxNameTableCharCountExceeded("The maximum nametable character count quota ({0}) has been exceeded while"
            + " reading XML data. The nametable is a data structure used to store strings encountered during XML"
            + " processing - long XML documents with non-repeating element names, attribute names and attribute values"
            + " may trigger this quota. This quota may be increased by changing the MaxNameTableCharCount property on"
            + " the XmlDictionaryReaderQuotas object used when creating the XML reader."),
    XmlMaxBytesPerReadExceeded("The maximum bytes per Read operation quota ({0}) has been exceeded while reading XML"
            + " data. Long element start tags (consisting of the element name, attribute names and attribute values) may"
            + " trigger this quota. This quota may be increased by changing the MaxBytesPerRead property on the"
            + " XmlDictionaryReaderQuotas object used when creating the XML reader."),
    MaxReceivedMessageSizeExceeded("The maximum message size quota for incoming messages ({0}) has been exceeded. To"
            + " increase the quota, use the MaxReceivedMessageSize property on the appropriate binding element."),
    XmlBufferQuotaExceeded("The size necessary to buffer the XML content exceeded the buffer quota."),
    SFxInvalidStreamInRequest("For request in operation {0} to be a stream the operation must have a single parameter"
            + " whose type is Stream."),
    SFxStreamIOException("An exception has been thrown when reading the stream."),
    SFxStreamRequestMessageClosed("The message containing this stream has been closed. Note that request streams"
            + " cannot be accessed after the service operation returns."),
    SFxStreamResponseMessageClosed("The message containing this stream has been closed."),
    EncoderEnvelopeVersionMismatch("The envelope version of the incoming message ({0}) does not match that of the"
            + " encoder ({1}). Make sure the binding is configured with the same version as the expected messages."),
    ContentTypeNotExpected("Cannot process the message because the content type '{0}' was not the expected type"
            + " '{1}'."),
    XmlDtdNotAllowed("DTDs are not allowed in SOAP messages: the document type declaration is refused and no entity in"
            + " it is expanded."),

    EndpointNotFound("There was no endpoint listening at {0} that could accept the message. This is often caused by an"
            + " incorrect address or SOAP action. See InnerException, if present, for more details. In Silverlight, a"
            + " 404 response code may be reported even when the service sends a different error code."),
    UnexpectedHttpResponseCode("The remote server returned an unexpected response: ({0}) {1}. In Silverlight, a 404"
            + " response code may be reported even when the service sends a different error code."),
    InvalidUriScheme("The provided URI scheme '{0}' is invalid; expected '{1}'."),
    TrustFailure("Could not establish trust relationship for the SSL/TLS secure channel with authority '{0}'."),
    // ---- net.tcp stream upgrades (windowsStreamSecurity, sslStreamSecurity)
    UpgradeRequestToNonupgradableService(".Net Framing upgrade request for {0} was sent to a service that is not setup"
            + " to receive upgrades."),
    UpgradeProtocolNotSupported("Protocol Type {0} was sent to a service that does not support that type of upgrade."),
    RemoteSecurityNotNegotiatedOnStreamUpgrade("Stream Security is required at {0}, but no security context was"
            + " negotiated. This is likely caused by the remote endpoint missing a StreamSecurityBindingElement from"
            + " its binding."),
    StreamMutualAuthNotSatisfied("The remote server did not satisfy the mutual authentication requirement."),
    NegotiationFailedIO("Transport security negotiation failed due to an underlying IO error: {0}."),
    /** System.dll's {@code net_auth_bad_client_creds} (NegotiateStream). */
    net_auth_bad_client_creds("The server has rejected the client credentials."),
    /** System.dll's {@code net_auth_bad_client_creds_or_target_mismatch} (NegotiateStream). */
    net_auth_bad_client_creds_or_target_mismatch("Either the target name is incorrect or the server has rejected the"
            + " client credentials."),
    HttpServerTooBusy("The HTTP service located at {0} is too busy."),
    FramingContentTypeMismatch("Content Type {0} was not supported by service {1}.  The client and service bindings"
            + " may be mismatched."),
    MissingContentType("The receiver returned an error indicating that the content type was missing on the request to"
            + " {0}.  See the inner exception for more information."),
    HttpContentTypeHeaderRequired("An HTTP Content-Type header is required for SOAP messaging and none was found."),
    ContentTypeMismatch("Content Type {0} was sent to a service expecting {1}.  The client and service bindings may be"
            + " mismatched."),
    ResponseContentTypeMismatch("The content type {0} of the response message does not match the content type of the"
            + " binding ({1}). If using a custom encoder, be sure that the IsContentTypeSupported method is implemented"
            + " properly. The first {2} bytes of the response were: '{3}'."),
    MessageXmlProtocolError("There is a problem with the XML that was received from the network. See inner exception"
            + " for more details."),
    HttpReceiveFailure("An error occurred while receiving the HTTP response to {0}. This could be due to the service"
            + " endpoint binding not using the HTTP protocol. This could also be due to an HTTP request context being"
            + " aborted by the server (possibly due to the service shutting down). See server logs for more details."),
    HttpSendFailure("An error occurred while making the HTTP request to {0}. This could be due to the fact that the"
            + " server certificate is not configured properly with HTTP.SYS in the HTTPS case. This could also be"
            + " caused by a mismatch of the security binding between the client and the server."),
    HttpRequestTimedOut("The HTTP request to '{0}' has exceeded the allotted timeout of {1}. The time allotted to this"
            + " operation may have been a portion of a longer timeout."),
    HttpRequestAborted("The HTTP request to '{0}' was aborted.  This may be due to the local channel being closed while"
            + " the request was still in progress.  If this behavior is not desired, then update your code so that it"
            + " does not close the channel while request operations are still in progress."),
    RequestTimedOut("The request channel timed out while waiting for a reply after {0}. Increase the timeout value"
            + " passed to the call to Request or increase the SendTimeout value on the Binding. The time allotted to"
            + " this operation may have been a portion of a longer timeout."),
    SendTimedOut("The send operation did not complete within the allotted timeout of {0}. The time allotted to this"
            + " operation may have been a portion of a longer timeout."),
    ReceiveTimedOut("Receive on the channel did not complete within the configured timeout of {0}. The time allotted"
            + " to this operation may have been a portion of a longer timeout."),
    OneWayUnexpectedResponse("A response was received from a one-way send over the underlying IRequestChannel. Make"
            + " sure the remote endpoint has a compatible binding at its endpoint (one that contains"
            + " OneWayBindingElement)."),

    // ---- the service dispatcher (DispatchOperationRuntime, ErrorBehavior, ChannelHandler)
    SFxInternalServerError("The server was unable to process the request due to an internal error.  For more"
            + " information about the error, either turn on IncludeExceptionDetailInFaults (either from"
            + " ServiceBehaviorAttribute or from the <serviceDebug> configuration behavior) on the server in order to"
            + " send the exception information back to the client, or turn on tracing as per the Microsoft .NET"
            + " Framework SDK documentation and inspect the server trace logs."),
    SFxNoEndpointMatchingContract("The message with Action '{0}' cannot be processed at the receiver, due to a"
            + " ContractFilter mismatch at the EndpointDispatcher. This may be because of either a contract mismatch"
            + " (mismatched Actions between sender and receiver) or a binding/security mismatch between the sender and"
            + " the receiver.  Check that sender and receiver have the same contract and the same binding (including"
            + " security requirements, e.g. Message, Transport, None)."),
    SFxNoEndpointMatchingAddress("The message with To '{0}' cannot be processed at the receiver, due to an"
            + " AddressFilter mismatch at the EndpointDispatcher.  Check that the sender and receiver's"
            + " EndpointAddresses agree."),
    SFxHeaderNotUnderstood("The header '{0}' from the namespace '{1}' was not understood by the recipient of this"
            + " message, causing the message to not be processed.  This error typically indicates that the sender of"
            + " this message has enabled a communication protocol that the receiver cannot process.  Please ensure that"
            + " the configuration of the client's binding is consistent with the service's binding."),
    SFxMissingActionHeader("No Action header was found with namespace '{0}' for the given message."),
    SFxErrorDeserializingRequestBodyMore("Error in deserializing body of request message for operation '{0}'. {1}"),
    SFxInvalidMessageBody("OperationFormatter encountered an invalid Message body. Expected to find node type"
            + " 'Element' with name '{0}' and namespace '{1}'. Found node type '{2}' with name '{3}' and namespace"
            + " '{4}'"),

    // ---- reliable sessions (WsrmFault, ReliableMessagingHelpers, the reliable channels)
    UnknownSequenceFaultReason("The value of wsrm:Identifier is not a known Sequence identifier."),
    SequenceTerminatedInactivityTimeoutExceeded("The inactivity timeout of ({0}) has been exceeded."),
    SequenceTerminatedMaximumRetryCountExceeded("The user specified maximum retry count for a particular message "
            + "has been exceeded. Because of this the reliable session cannot continue."),
    SequenceTerminatedOnAbort("Due to a user abort the reliable session cannot continue."),
    SequenceTerminatedSessionClosedBeforeDone("The user of the remote endpoint's reliable session expects no "
            + "more messages and a new message arrived. Due to this the reliable session cannot continue."),
    SequenceTerminatedUnsupportedClose("The RM source does not support an RM destination initiated close since "
            + "messages can be lost. The reliable session cannot continue."),
    SequenceTerminatedUnsupportedTerminateSequence("The RM source does not support an RM destination initiated "
            + "termination since messages can be lost. The reliable session cannot continue."),
    SequenceTerminatedInconsistentLastMsgNumber("Two different wsrm:LastMsgNumber values were specified. Because "
            + "of this the reliable session cannot complete."),
    SequenceTerminatedSmallLastMsgNumber("The wsrm:LastMsgNumber value is too small. A message with a larger "
            + "sequence number has already been received."),
    SequenceTerminatedMissingFinalAck("The CloseSequence request's reply message must carry a final "
            + "acknowledgement. This is a violation of the WS-ReliableMessaging protocol. The reliable session "
            + "cannot continue."),
    SequenceTerminatedEarlyTerminateSequence("The wsrm:TerminateSequence protocol message was transmitted before "
            + "the sequence was successfully completed."),
    SequenceTerminatedBeforeReplySequenceAcked("The server received a TerminateSequence message before all reply "
            + "sequence messages were acknowledged. This is a violation of the reply sequence acknowledgement "
            + "protocol."),
    SequenceTerminatedNotAllRepliesAcknowledged("All of the reply sequence's messages must be acknowledged prior "
            + "to closing the request sequence. This is a violation of the reply sequence's delivery guarantee. "
            + "The session cannot continue."),
    SequenceTerminatedReplyMissingAcknowledgement("A reply message was received with no acknowledgement."),
    SequenceTerminatedReliableRequestThrew("The session has stopped waiting for a particular reply. Because of "
            + "this the reliable session cannot continue."),
    SequenceTerminatedQuotaExceededException("The necessary size to buffer a sequence message has exceeded the "
            + "configured buffer quota. Because of this the reliable session cannot continue."),
    SequenceTerminatedAddLastToWindowTimedOut("The RM Source could not transfer the last message within the "
            + "timeout the user specified."),
    SequenceTerminatedUnknownAddToWindowError("An unknown error occurred while trying to add a sequence message "
            + "to the window."),
    CloseOutputSessionErrorReason("An unexpected error occurred while attempting to close the output half of the "
            + "duplex reliable session."),
    SequenceTerminatedUnexpectedAckRequested("The RM source received an AckRequested message. The RM source does "
            + "not process AckRequested messages."),
    SequenceTerminatedUnexpectedAcknowledgement("The RM destination received an acknowledgement message. The RM "
            + "destination does not process acknowledgement messages."),
    SequenceTerminatedUnexpectedCS("The RM source received a CreateSequence request. The RM source does not "
            + "process CreateSequence requests."),
    SequenceTerminatedUnexpectedCSR("The RM destination received a CreateSequenceResponse message. The RM "
            + "destination does not process CreateSequenceResponse messages."),
    SequenceTerminatedUnexpectedCSOfferId("The RM destination received multiple CreateSequence requests with "
            + "different OfferId values over the same session."),
    SequenceTerminatedUnexpectedCSROfferId("The RM source received multiple CreateSequenceResponse messages with "
            + "different sequence identifiers over the same session."),
    SequenceTerminatedUnexpectedTerminateSequence("The RM source received a TerminateSequence message. The RM "
            + "source does not process TerminateSequence messages."),
    SequenceTerminatedUnexpectedTerminateSequenceResponse("The RM destination received a "
            + "TerminateSequenceResponse message. The RM destination does not process TerminateSequenceResponse "
            + "messages."),
    SequenceTerminatedUnexpectedCloseSequenceResponse("The RM destination received an CloseSequenceResponse "
            + "message. The RM destination does not process CloseSequenceResponse messages."),
    CouldNotParseWithAction("A message with action {0} could not be parsed."),
    InvalidAcknowledgementFaultReason("The SequenceAcknowledgement violates the cumulative acknowledgement "
            + "invariant."),
    MessageNumberRolloverFaultReason("The maximum value for wsrm:MessageNumber has been exceeded."),
    LastMessageNumberExceededFaultReason("The value for wsrm:MessageNumber exceeds the value of the "
            + "MessageNumber accompanying a LastMessage element in this Sequence."),
    SequenceClosedFaultString("The Sequence is closed and cannot accept new messages."),
    WsrmRequiredFaultString("The RM server requires the use of WS-ReliableMessaging 1.1 protocol. This is likely "
            + "caused by a binding mismatch."),
    NonWsrmFeb2005ActionNotSupported("The action {0} is not supported by this endpoint. Only "
            + "WS-ReliableMessaging February 2005 messages are processed by this endpoint."),
    NoActionNoSequenceHeaderReason("The endpoint only processes messages using the WS-ReliableMessaging "
            + "protocol. The message sent to the endpoint does not have an action or any headers used by the "
            + "protocol and cannot be processed."),
    CSRefused("The request to create a reliable session has been refused by the RM Destination. {0} The channel "
            + "could not be opened."),
    CSRefusedInputOffer("The endpoint at {0} processes input sessions. The create sequence request must not "
            + "contain an offer for a return sequence. This is likely caused by a binding mismatch."),
    CSRefusedDuplexNoOffer("The endpoint at {0} processes duplex sessions. The create sequence request must "
            + "contain an offer for a return sequence. This is likely caused by a binding mismatch."),
    CSRefusedReplyNoOffer("The endpoint at {0} processes reply sessions. The create sequence request must "
            + "contain an offer for a return sequence. This is likely caused by a binding mismatch."),
    CSRefusedAcksToMustEqualReplyTo("The endpoint processing requests to create a reliable session only supports "
            + "sessions in which the AcksTo Uri and the ReplyTo Uri are the same."),
    CSRefusedAcksToMustEqualEndpoint("The endpoint processing requests to create a reliable session only "
            + "supports sessions in which the AcksTo Uri and the Endpoint Uri are the same."),
    CSRefusedInvalidIncompleteSequenceBehavior("The request to create a reliable session contains an invalid "
            + "wsrm:IncompleteSequenceBehavior value. This is a WS-ReliableMessaging protocol violation."),
    CSRefusedRequiredSecurityElementMissing("The RM Destination requires the WS-SecureConversation protocol in "
            + "the binding. This is likely caused by a binding mismatch."),
    CSRefusedUnexpectedElementAtEndOfCSMessage("The message is not a valid SOAP message. The body contains more "
            + "than 1 root element."),
    CSRefusedSSLNotSupported("The endpoint processing requests to create a reliable session does not support "
            + "sessions that use SSL. This is likely caused by a binding mismatch. The session could not be "
            + "created."),
    CSRefusedSTRNoWSSecurity("The request to create a reliable session carries a wsrm:UsesSequenceSTR header, "
            + "but does not contain the wsse:SecurityTokenReference. This is a WS-ReliableMessaging protocol "
            + "violation. The session could not be created."),
    CSRefusedNoSTRWSSecurity("The request to create a reliable session contains the wsse:SecurityTokenReference "
            + "but does not carry a wsrm:UsesSequenceSTR header. This is a WS-ReliableMessaging protocol "
            + "violation. The session could not be created."),
    ServerTooBusy("Server '{0}' is too busy to process this request. Try again later."),
    RMEndpointNotFoundReason("The endpoint at {0} has stopped accepting wsrm sessions."),
    WsrmRequestIncorrectReplyToFaultString("The wsrm:{0} request message's wsa:ReplyTo address containing a URI "
            + "which is not equivalent to the remote address. This is not supported. The reliable session was "
            + "faulted."),
    InvalidWsrmResponseSessionFaultedFaultString("The {0} request's response was a message with action {1}. The "
            + "response must be a {0}Response with action {2}. The reliable session cannot continue."),
    WsrmMessageWithWrongRelatesToFaultString("The remote endpoint has responded to a {0} request message with an "
            + "invalid reply. The reply has a wsa:RelatesTo header with an unexpected identifier. The reliable "
            + "session cannot continue."),
    ReceivedResponseBeforeRequestFaultString("The {0}Response was received when the {0} request had not been "
            + "sent. This is a WS-ReliableMessaging protocol violation. The reliable session cannot continue."),
    CSResponseWithoutOfferReason("A return sequence was offered by the create sequence request but the create "
            + "sequence response did not accept this sequence."),
    CSResponseOfferRejectedReason("The client requested creation of a two way session. A one way session was "
            + "created. The session cannot continue without as a one way session. This is likely caused by a "
            + "binding mismatch."),
    CSResponseWithOfferReason("A return sequence was not offered by the create sequence request. The create "
            + "sequence response cannot accept a return sequence."),
    AcksToMustBeSameAsRemoteAddressReason("The address for acknowledgements must be the same as the address for "
            + "application messages. Verify that your endpoint is configured to use the same URI for these two "
            + "addresses."),
    UnknownSequenceFaultReceived("The remote endpoint no longer recognizes this sequence. This is most likely "
            + "due to an abort on the remote endpoint. {0} The reliable session was faulted."),
    UnknownSequenceMessageReceived("The remote endpoint has sent a message containing an unrecognized sequence "
            + "identifier. The reliable session was faulted."),
    WsrmFaultReceived("The sequence has been terminated by the remote endpoint. {0} The reliable session was "
            + "faulted."),
    MaximumRetryCountExceeded("The maximum retry count has been exceeded with no response from the remote "
            + "endpoint. The reliable session was faulted. This is often an indication that the remote endpoint "
            + "is no longer available."),
    InvalidAcknowledgementReceived("A violation of acknowledgement protocol has been detected. An "
            + "InvalidAcknowledgement fault was sent to the remote endpoint and the reliable session was faulted."),
    MessageNumberRollover("The maximum message number for this sequence has been exceeded. The reliable session "
            + "was faulted."),
    LastMessageNumberExceeded("A message was received with a sequence number higher than the sequence number of "
            + "the last message in this sequence. This is a violation of the sequence number protocol. The "
            + "reliable session was faulted."),
    SessionClosedBeforeDone("The session was closed before message transfer was complete."),
    EarlyTerminateSequence("The remote endpoint has errantly sent a TerminateSequence protocol message before "
            + "the sequence finished."),
    EarlyRequestTerminateSequence("The remote endpoint sent a TerminateSequence protocol message before fully "
            + "acknowledging all messages in the reply sequence. This is a violation of the reliable request "
            + "reply protocol. The reliable session was faulted."),
    NotAllRepliesAcknowledgedExceptionString("The remote endpoint closed the session before acknowledging all "
            + "responses. All replies could not be delivered. The reliable session was faulted."),
    InconsistentLastMsgNumberExceptionString("The remote endpoint specified two different last message numbers. "
            + "The reliable session is in an inconsistent state since it cannot determine the actual last "
            + "message. The reliable session was faulted."),
    SmallLastMsgNumberExceptionString("The remote endpoint specified a last message number that is smaller than "
            + "a sequence number that has already been seen. The reliable session is in an inconsistent state "
            + "since it cannot determine the actual last message. The reliable session was faulted."),
    MissingFinalAckExceptionString("The remote endpoint did not include a final acknowledgement in the reply to "
            + "the close sequence request message. This is a violation of the WS-ReliableMessaging protocol. The "
            + "reliable session was faulted."),
    UnsupportedCloseExceptionString("The remote endpoint closed the sequence before message transfer was "
            + "complete. This is not supported since all messages could not be transferred. The reliable session "
            + "was faulted."),
    UnsupportedTerminateSequenceExceptionString("The remote endpoint terminated the sequence before message "
            + "transfer was complete. This is not supported since all messages could not be transferred. The "
            + "reliable session was faulted."),
    ReplyMissingAcknowledgement("The remote endpoint failed to include a required SequenceAcknowledgement header "
            + "on a reliable reply message. The reliable session was faulted."),
    UnexpectedAckRequested("The remote endpoint sent an unexpected request for an ack. Simplex clients do not "
            + "send acks and do not process requests for acks."),
    UnexpectedCS("The remote endpoint sent an unexpected request to create a sequence. Clients do not process "
            + "requests for a sequence."),
    UnexpectedCSROfferId("The remote endpoint sent inconsistent responses to the same create sequence request. "
            + "The sequence identifiers are not identical."),
    UnexpectedTerminateSequence("The remote endpoint sent an unexpected terminate sequence message. Simplex "
            + "clients do not process this message."),
    UnexpectedCloseSequenceResponse("The remote endpoint sent an unexpected close sequence response message. "
            + "Simplex servers do not process this message."),
    CSResponseWithoutOffer("The remote endpoint replied to a request for a two way session with an offer for a "
            + "one way session. This is a WS-ReliableMessaging protocol violation. The channel could not be "
            + "opened."),
    CSResponseOfferRejected("The remote endpoint replied to a request for a two way session with an offer for a "
            + "one way session. This is likely caused by a binding mismatch. The channel could not be opened."),
    CSResponseWithOffer("The remote endpoint replied to a request for a one way session with an offer for a two "
            + "way session. This is a WS-ReliableMessaging protocol violation. The channel could not be opened."),
    AcksToMustBeSameAsRemoteAddress("The remote endpoint requested an address for acknowledgements that is not "
            + "the same as the address for application messages. The channel could not be opened because this is "
            + "not supported. Ensure the endpoint address used to create the channel is identical to the one the "
            + "remote endpoint was set up with."),
    InvalidWsrmResponseChannelNotOpened("The remote endpoint responded to the {0} request with a response with "
            + "action {1}. The response must be a {0}Response with action {2}. The channel could not be opened."),
    InvalidWsrmResponseSessionFaultedExceptionString("The remote endpoint responded to the {0} request with a "
            + "response with action {1}. The response must be a {0}Response with action {2}. The channel was "
            + "faulted."),
    WsrmMessageWithWrongRelatesToExceptionString("The returned {0}Response was carrying the a wsa:RelatesTo "
            + "header that does not correlate with the wsa:MessageId header on the {0} request. This is a "
            + "violation of the WS-Addressing request reply protocol. The reliable session cannot continue."),
    WsrmRequestIncorrectReplyToExceptionString("The remote endpoint sent a wsrm:{0} request message with a "
            + "wsa:ReplyTo address containing a URI which is not equivalent to the remote address. This is not "
            + "supported. The reliable session was faulted."),
    ReceivedResponseBeforeRequestExceptionString("The remote endpoint returned a {0}Response when the {0} "
            + "request had not been sent. This is a WS-ReliableMessaging protocol violation. The reliable "
            + "session was faulted."),
    UnparsableCSResponse("The remote endpoint replied to the request for a sequence with a response that could "
            + "not be parsed. See inner exception for details. The channel could not be opened."),
    UnrecognizedFaultReceivedOnOpen("The remote endpoint has sent an unrecognized fault with namespace, {0}, "
            + "name {1}, and reason {2}. The channel could not be opened."),
    UnrecognizedFaultReceived("The remote endpoint has sent an unrecognized fault with namespace, {0}, name {1}, "
            + "and reason {2}. The reliable session was faulted."),
    WrongIdentifierFault("The remote endpoint has sent an fault message with an unexpected sequence identifier "
            + "over a session. The fault may be intended for a different session. The fault reason is: {0} The "
            + "reliable session was faulted."),
    SFxServiceMetadataBehaviorNoHttpBaseAddress("The HttpGetEnabled property of ServiceMetadataBehavior is set to true"
            + " and the HttpGetUrl property is a relative address, but there is no http base address.  Either supply an"
            + " http base address or set HttpGetUrl to an absolute address."),
    SFxServiceMetadataBehaviorNoHttpsBaseAddress("The HttpsGetEnabled property of ServiceMetadataBehavior is set to"
            + " true and the HttpsGetUrl property is a relative address, but there is no https base address.  Either"
            + " supply an https base address or set HttpsGetUrl to an absolute address."),
    SfxReflectedContractKeyNotFoundIMetadataExchange("The contract name 'IMetadataExchange' could not be found in the"
            + " list of contracts implemented by the service {0}.  Add a ServiceMetadataBehavior to the configuration"
            + " file or to the ServiceHost directly to enable support for this contract."),
    MessageExceptionOccurred("A problem occurred while reading a message. See inner exception for details."),
    MissingMessageIdOnWsrmRequest("The wsa:MessageId header must be present on a wsrm:{0} message."),
    MissingReplyToOnWsrmRequest("The wsa:ReplyTo header must be present on a wsrm:{0} message."),
    /** WCF passes the response's own name, so it reads "wsrm:CreateSequenceResponseResponse" (kept verbatim). */
    MissingRelatesToOnWsrmResponseReason("The returned wsrm:{0}Response message was missing the required "
            + "wsa:RelatesTo header. This is a violation of the WS-Addressing request reply protocol. The reliable "
            + "session was faulted."),
    NonEmptyWsrmMessageIsEmpty("A message with action {0} is an empty message. This message cannot be processed "
            + "because the body of this WS-ReliableMessaging protocol message must carry information pertaining to "
            + "a reliable session."),
    InvalidSequenceNumber("A message was received with a sequence number of {0}. Sequence numbers cannot be less "
            + "than 1. The reliable session was faulted."),
    InvalidSequenceRange("An acknowledgement range starting at {0} and ending at {1} was received. This is an "
            + "invalid acknowledgement range. The reliable session was faulted."),
    InvalidBufferRemaining("An acknowledgement was received indicating the remaining buffer space on the remote "
            + "endpoint is {0}. This number cannot be less than zero. The reliable session was faulted."),
    WsrmRequiredExceptionString("The incoming message is not a WS-ReliableMessaging 1.1 message and could not be "
            + "processed."),
    EarlySecurityFaulted("The underlying secure session has faulted before the reliable session fully completed. "
            + "The reliable session was faulted."),
    EarlySecurityClose("The remote endpoint has closed the underlying secure session before the reliable session "
            + "fully completed. The reliable session was faulted."),
    ReliableRequestContextAborted("Due to a request context abort call, the reliable reply session channel "
            + "potentially has a gap in its reply sequence. The ExactlyOnce assurance can no longer be "
            + "satisfied. The reliable session was faulted."),
    ConflictingOffer("The remote endpoint sent conflicting requests to create a reliable session. The remote "
            + "endpoint requested both a one way and a two way session. The reliable session has been faulted."),
    ConflictingAddress("The remote endpoint sent conflicting requests to create a reliable session. The "
            + "conflicting requests have inconsistent filter criteria such as address or action. The reliable "
            + "session has been faulted."),
    TimeoutOnAddToWindow("The message could not be transferred within the allotted timeout of {0}. There was no "
            + "space available in the reliable channel's transfer window. The time allotted to this operation "
            + "may have been a portion of a longer timeout."),
    TimeoutOnOperation("The operation did not complete within the allotted timeout of {0}. The time allotted to "
            + "this operation may have been a portion of a longer timeout."),
    TimeoutOnRequest("The request operation did not complete within the allotted timeout of {0}. The time "
            + "allotted to this operation may have been a portion of a longer timeout."),
    RequestChannelWaitForReplyTimedOut("The request channel timed out while waiting for a reply after {0}. "
            + "Increase the timeout value passed to the call to Request or increase the SendTimeout value on the "
            + "Binding. The time allotted to this operation may have been a portion of a longer timeout."),
    RequestChannelSendTimedOut("The request channel timed out attempting to send after {0}. Increase the timeout "
            + "value passed to the call to Request or increase the SendTimeout value on the Binding. The time "
            + "allotted to this operation may have been a portion of a longer timeout."),
    TimeoutOnSend("The send operation did not complete within the allotted timeout of {0}. The time allotted to "
            + "this operation may have been a portion of a longer timeout."),

    // ---- duplex contracts (TypeLoader, DuplexChannelFactory, ChannelFactory, ServiceChannel)
    SFxInvalidCallbackContractType("The CallbackContract {0} is invalid because it is not an interface type."),
    SfxCallbackTypeCannotBeNull("In order to use the contract '{0}' with DuplexChannelFactory, the contract must specify"
            + " a valid callback contract.  If your contract does not have a callback contract, consider using"
            + " ChannelFactory instead of DuplexChannelFactory."),
    SFxCreateNonDuplexChannel1("ChannelFactory does not support the contract {0} as it defines a callback contract with"
            + " one or more operations.  Please consider using DuplexChannelFactory instead of ChannelFactory."),
    SFxCreateDuplexChannel1("The callback contract of contract {0} either does not exist or does not define any"
            + " operations.  If this is not a duplex contract, consider using ChannelFactory instead of"
            + " DuplexChannelFactory."),
    SFxCreateDuplexChannelBadCallbackUserObject("The InstanceContext provided to the ChannelFactory contains a"
            + " UserObject that does not implement the CallbackContractType '{0}'."),
    SFxCallbackRequestReplyInOrder1("This operation would deadlock because the reply cannot be received until the"
            + " current Message completes processing. If you want to allow out-of-order message processing, specify"
            + " ConcurrencyMode of Reentrant or Multiple on {0}."),
    /**
     * Not a WCF resource: the message of the .NET {@code ObjectDisposedException(objectName)} WCF throws for a
     * communication object used after it was closed ({@code CommunicationObject.CreateClosedException}), i.e.
     * mscorlib's {@code ObjectDisposed_Generic}, a Windows line break and {@code ObjectDisposed_ObjectName_Name}.
     */
    ObjectDisposed_ObjectName("Cannot access a disposed object.\r\nObject name: '{0}'."),

    // ---- message security (SecurityUtils, ReceiveSecurityHeader, SecurityTimestamp, TransportSecurityBindingElement)
    InvalidSecurityFaultReason("An error occurred when verifying security for the message."),
    FailedAuthenticationFaultReason("At least one security token in the message could not be validated."),
    BadContextTokenOrActionFaultReason("The message could not be processed. This is most likely because the action "
            + "'{0}' is incorrect or because the message contains an invalid or expired security context token or "
            + "because there is a mismatch between bindings. The security context token would be invalid if the "
            + "service aborted the channel due to inactivity. To prevent the service from aborting idle sessions "
            + "prematurely increase the Receive timeout on the service endpoint's binding."),
    BadContextTokenFaultReason("The security context token is expired or is not valid. The message was not "
            + "processed."),
    UnsecuredMessageFaultReceived("An unsecured or incorrectly secured fault was received from the other party. See the"
            + " inner FaultException for the fault code and detail."),
    MessageSecurityVerificationFailed("Message security verification failed."),
    UnableToFindSecurityHeaderInMessage("Security processor was unable to find a security header with actor '{0}' in"
            + " the message. This might be because the message is an unsecured fault or because there is a binding"
            + " mismatch between the communicating parties.  This can occur if the service is configured for"
            + " security and the client is not using security."),
    RequiredTimestampMissingInSecurityHeader("Required timestamp missing in security header."),
    TimestampMustOccurFirstInSecurityHeaderLayout("The timestamp must occur first in this security header layout."),
    TimestampMustOccurLastInSecurityHeaderLayout("The timestamp must occur last in this security header layout."),
    DuplicateIdInMessageToBeVerified("The '{0}' id occurred twice in the message that is supplied for verification."),
    TokenNotExpectedInSecurityHeader("Received security header contains unexpected token '{0}'."),
    NoUserNameTokenProvided("The required UserNameSecurityToken was not provided."),
    SupportingTokenIsNotEndorsing("The supporting token provided for parameters '{0}' did not endorse the primary"
            + " signature."),
    SupportingTokenIsNotSigned("The supporting token provided for parameters '{0}' was not signed as part of the"
            + " primary signature."),
    PrimarySignatureWasNotSignedByDerivedKey("The primary signature is not signed with a derived key. The binding's"
            + " primary token parameter '{0}' requires key derivation."),
    MessageWasNotEncryptedByDerivedEncryptionToken("The message is not encrypted with a key derived from the"
            + " encryption token. The binding's token parameter '{0}' requires key derivation."),
    PrimarySignatureIsRequiredToBeEncrypted("The primary signature must be encrypted."),
    MessageProtectionOrderMismatch("The received message does not meet the required message protection order"
            + " '{0}'."),
    RequiredSecurityHeaderElementNotSigned("The security header element '{0}' with the '{1}' id must be signed."),
    ClientCertificateNotProvidedOnServiceCredentials("The client certificate is not provided. Specify a client"
            + " certificate in ServiceCredentials."),
    TransportSecurityRequireToHeader("Transport secured messages should have the 'To' header specified."),
    TransportSecuredMessageMissingToHeader("The message received over Transport security was missing the 'To'"
            + " header."),
    UnsignedToHeaderInTransportSecuredMessage("The message received over Transport security has unsigned 'To'"
            + " header."),
    TransportSecuredMessageHasMoreThanOneToHeader("More than one 'To' header specified in a message secured by"
            + " Transport Security."),
    SupportingTokenNotProvided("A supporting token that satisfies parameters '{0}' and attachment mode '{1}' was not"
            + " provided."),
    SupportingTokenSignaturesNotExpected("Supporting token signatures not expected."),
    MoreThanOneSupportingSignature("More than one supporting signature was encountered using the same supporting token"
            + " '{0}'."),
    UnableToResolveKeyInfoForVerifyingSignature("Cannot resolve KeyInfo for verifying signature: KeyInfo '{0}',"
            + " available tokens '{1}'."),
    UnableToResolveReferenceUriForSignature("Cannot resolve reference URI '{0}' in signature to compute digest."),
    SignatureVerificationFailed("Signature verification failed."),
    NotAllSignaturesConfirmed("Not all the signatures in the request message were confirmed in the reply message."),
    TimeStampHasCreationAheadOfExpiry("The security timestamp is invalid because its creation time ('{0}') is greater"
            + " than or equal to its expiration time ('{1}')."),
    TimeStampHasExpiryTimeInPast("The security timestamp is stale because its expiration time ('{0}') is in the past."
            + " Current time is '{1}' and allowed clock skew is '{2}'."),
    TimeStampHasCreationTimeInFuture("The security timestamp is invalid because its creation time ('{0}') is in the"
            + " future. Current time is '{1}' and allowed clock skew is '{2}'."),
    TimeStampWasCreatedTooLongAgo("The security timestamp is stale because its creation time ('{0}') is too far back in"
            + " the past. Current time is '{1}', maximum timestamp lifetime is '{2}' and allowed clock skew is"
            + " '{3}'."),
    ServiceCertificateNotProvidedOnServiceCredentials("The service certificate is not provided. Specify a service"
            + " certificate in ServiceCredentials. "),
    ServiceCertificateNotProvidedOnClientCredentials("The service certificate is not provided for target '{0}'."
            + " Specify a service certificate in ClientCredentials. "),
    UserNamePasswordNotProvidedOnClientCredentials("The username is not provided. Specify username in"
            + " ClientCredentials."),
    ClientCertificateNotProvidedOnClientCredentials("The client certificate is not provided. Specify a client"
            + " certificate in ClientCredentials. "),
    UserNameCannotBeEmpty("The username cannot be empty."),
    SecurityVersionDoesNotSupportEncryptedKeyBinding("The binding ('{0}','{1}') for contract ('{2}','{3}') has been"
            + " configured with an incompatible security version that does not support unattached references to"
            + " EncryptedKeys. Use '{4}' or higher as the security version for the binding."),
    SignatureConfirmationNotSupported("The configured SecurityVersion does not support signature confirmation. Use"
            + " WsSecurity11 or above."),
    SignatureConfirmationsNotExpected("Signature confirmation is not expected in the security header."),
    TransportDoesNotProtectMessage("The '{0}'.'{1}' binding is configured with an authentication mode that requires"
            + " transport level integrity and confidentiality. However the transport cannot provide integrity and"
            + " confidentiality."),
    SigningWithoutPrimarySignatureRequiresTimestamp("Signing without primary signature requires timestamp."),
    SuiteDoesNotAcceptAlgorithm("The algorithm '{0}' is not accepted for operation '{1}' by algorithm suite {2}."),
    TokenDoesNotMeetKeySizeRequirements("The key size requirements for the '{0}' algorithm suite are not met by the"
            + " '{1}' token which has key size of '{2}'."),
    /** System.IdentityModel's {@code X509ChainBuildFail}. */
    X509ChainBuildFail("The X.509 certificate {0} chain building failed. The certificate that was used has a trust"
            + " chain that cannot be verified. Replace the certificate or change the certificateValidationMode. {1}"),
    /** System.IdentityModel's {@code X509IsNotInTrustedStore}. */
    X509IsNotInTrustedStore("The X.509 certificate {0} is not in the trusted people store."),
    /**
     * Windows' status text of {@code X509ChainStatusFlags.Revoked} ({@code CRYPT_E_REVOKED}), one of the chain statuses
     * {@code X509ChainBuildFail}'s {1} lists, each followed by a space ({@code ChainTrustValidator}).
     */
    X509ChainStatusRevoked("The certificate is revoked."),
    /**
     * Windows' status text of {@code X509ChainStatusFlags.RevocationStatusUnknown}
     * ({@code CRYPT_E_NO_REVOCATION_CHECK}).
     */
    X509ChainStatusRevocationStatusUnknown("The revocation function was unable to check revocation for the"
            + " certificate."),
    /**
     * Windows' status text of {@code X509ChainStatusFlags.OfflineRevocation} ({@code CRYPT_E_REVOCATION_OFFLINE}).
     */
    X509ChainStatusOfflineRevocation("The revocation function was unable to check revocation because the revocation"
            + " server was offline."),

    // ---- security session key renewal (SecuritySessionClientSettings, SecuritySessionServerSettings,
    // SecuritySessionSecurityTokenAuthenticator)
    SecurityRenewFaultReason("The SecurityContextSecurityToken's key needs to be renewed."),
    SecuritySessionKeyIsStale("The session key must be renewed before it can secure application messages."),
    WrongIdentityRenewingToken("The identity of the security session renew message does not match the identity of"
            + " the session token."),
    CurrentSessionTokenNotRenewed("The supporting token in the renew message has a different generation '{0}' than"
            + " the current session token's generation '{1}'."),
    TooManyPendingSessionKeys("There are too many renewed session keys that have not been used."),
    SecurityContextNotRegistered("The SecurityContextSecurityToken with context-id={0} (key generation-id={1}) is not"
            + " registered."),
    KeyRolloverGreaterThanKeyRenewal("The key rollover interval cannot be greater than the key renewal interval."),
    InvalidRenewResponseAction("A security session renew response was received with an invalid action '{0}'."),
    UnableToRenewSessionKey("Cannot renew the security session key."),
    SessionKeyRenewalNotSupported("Cannot renew the security session key. Session Key Renewal is not supported."),
    SecurityContextKeyExpired("The SecurityContextSecurityToken with Context-id={0} (generation-id={1}) has expired."),
    SecuritySessionFaultReplyWasSent("The receiver sent back a security session fault message. Retry the request."),

    // ---- communication objects and timeouts (CommunicationObject, TimeoutHelper)
    CommunicationObjectFaulted1("The communication object, {0}, cannot be used for communication because it is in the"
            + " Faulted state."),
    CommunicationObjectCannotBeModifiedInState("The communication object, {0}, cannot be modified while it is in the"
            + " {1} state."),
    CommunicationObjectCannotBeUsed("The communication object, {0}, is in the {1} state.  Communication objects cannot"
            + " be used for communication unless they are in the Opened state."),
    CommunicationObjectAborted1("The communication object, {0}, cannot be used for communication because it has been"
            + " Aborted."),
    TimeoutOnOpen("The open operation did not complete within the allotted timeout of {0}. The time allotted to this"
            + " operation may have been a portion of a longer timeout."),
    TimeoutOnClose("The close operation did not complete within the allotted timeout of {0}. The time allotted to this"
            + " operation may have been a portion of a longer timeout."),
    CloseTimedOut("Close timed out after {0}.  Increase the timeout value passed to the call to Close or increase the"
            + " CloseTimeout value on the Binding. The time allotted to this operation may have been a portion of a"
            + " longer timeout."),
    CommunicationObjectCloseInterrupted1("The communication object, {0}, cannot be used due to an error that occurred"
            + " during close."),
    // ---- SSPI negotiation (SspiNegotiationTokenProvider/Authenticator, SecurityUtils)
    BadSecurityNegotiationContext("Security negotiation failure because an incorrect Context attribute specified in"
            + " RequestSecurityToken/RequestSecurityTokenResponse from the other party."),
    AuthenticationOfClientFailed("The caller was not authenticated by the service."),
    SpnegoImpersonationLevelCannotBeSetToNone("The Security Support Provider Interface does not support"
            + " Impersonation level 'None'. Specify Identification, Impersonation or Delegation level."),
    FailedSspiNegotiation("Secure channel cannot be opened because security negotiation with the remote endpoint has"
            + " failed. This may be due to absent or incorrectly specified EndpointIdentity in the EndpointAddress used"
            + " to create the channel. Please verify the EndpointIdentity specified or implied by the EndpointAddress"
            + " correctly identifies the remote endpoint. "),
    RSTRAuthenticatorIncorrect("The RequestSecurityTokenResponse CombinedHash is incorrect."),
    AuthenticatorNotPresentInRSTRCollection("The RequestSecurityTokenResponseCollection received does not contain an"
            + " authenticator."),
    ProofTokenWasNotWrappedCorrectly("The proof token was not wrapped correctly in the"
            + " RequestSecurityTokenResponse."),
    SoapSecurityNegotiationFailedForIssuerAndTarget("SOAP security negotiation with '{0}' for target '{1}' failed. See"
            + " inner exception for more details."),
    CannotDetermineSPNBasedOnAddress("Client cannot determine the Service Principal Name based on the identity in the"
            + " target address '{0}' for the purpose of SspiNegotiation/Kerberos. The target address identity must be a"
            + " UPN identity (like acmedomain\\alice) or SPN identity (like host/bobs-machine)."),

    // ---- net.tcp: binary encoding ([MC-NBFSE]) and .NET Message Framing ([MC-NMF])
    BinaryEncoderSessionTooLarge("The binary encoder session information exceeded the maximum size quota ({0}). To"
            + " increase this quota, use the MaxSessionSize property on the BinaryMessageEncodingBindingElement."),
    BinaryEncoderSessionInvalid("The binary encoder session is not valid. There was an error decoding a previous"
            + " message."),
    BinaryEncoderSessionMalformed("The binary encoder session information is not properly formed."),
    MaxSentMessageSizeExceeded("The maximum message size quota for outgoing messages ({0}) has been exceeded."),
    TcpConnectErrorWithTimeSpan("Could not connect to {0}. The connection attempt lasted for a time span of {3}. TCP"
            + " error code {1}: {2}. "),
    TcpConnectionResetError("The socket connection was aborted. This could be caused by an error processing your"
            + " message or a receive timeout being exceeded by the remote host, or an underlying network resource"
            + " issue. Local socket timeout was '{0}'."),
    PreambleAckIncorrectMaybeHttp("You have tried to create a channel to a service that does not support .Net"
            + " Framing. It is possible that you are encountering an HTTP endpoint."),
    ServerRejectedSessionPreamble("The server at {0} rejected the session-establishment request."),
    FramingViaTooLongFault("Via '{0}' is too long to be processed by the remote host. See the server logs for more"
            + " details."),
    FramingUpgradeInvalid("The requested upgrade is not supported by '{0}'. This could be due to mismatched bindings"
            + " (for example security enabled on the client and not on the server)."),
    FramingModeNotSupportedFault("The .Net Framing mode being used is not supported by '{0}'. See the server logs for"
            + " more details."),
    FramingVersionNotSupportedFault("The .Net Framing version being used is not supported by '{0}'. See the server"
            + " logs for more details."),
    FramingMaxMessageSizeExceeded("The maximum message size quota for incoming messages has been exceeded for the"
            + " remote channel. See the server logs for more details."),
    FramingFaultUnrecognized("Server faulted with code '{0}'."),
    FramingError("Error while reading message framing format at position {0} of stream (state: {1})"),
    FramingRecordTypeMismatch("Expected record type '{0}', found '{1}'."),
    FramingSizeTooLarge("Specified size is too large for this implementation."),
    ReceiveShutdownReturnedMessage("The channel received an unexpected input message with Action '{0}' while closing."
            + " You should only close your channel when you are not expecting any more input messages."),
    TcpAddressInUse("There is already a listener on IP endpoint {0}.  Make sure that you are not trying to use this"
            + " endpoint multiple times in your application and that there are no other applications listening on this"
            + " endpoint."),
    DuplicateRegistration("A registration already exists for URI '{0}'."),
    UnsupportedEnvelopeVersion("The {0} binding element requires envelope version '{1}' It doesn't support '{2}'."),
    ;

    private final String template;

    WcfText(String template) {
        this.template = template;
    }

    /** The raw template with its {@code {n}} placeholders. */
    public String template() {
        return template;
    }

    /** Substitutes {@code {0}}, {@code {1}}, ... with the arguments' {@link String#valueOf(Object)}. */
    public String format(Object... args) {
        if (args.length == 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i + 1 && isDigits(template, i + 1, close)) {
                int index = Integer.parseInt(template.substring(i + 1, close));
                out.append(index < args.length ? String.valueOf(args[index]) : template.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
