package io.github.wcf4j.binding;

/**
 * The catalog of every user-visible WCF text that wcf4j reproduces, keyed by the WCF resource name.
 *
 * <p>Texts are WCF's own, character for character (including WCF's double spaces), from the .NET Framework
 * {@code System.ServiceModel} resources (as ported to dotnet/wcf and CoreWCF {@code Strings.resx}) and, for the
 * {@code Config_*}/{@code Top_level_*}/{@code Validation_*} keys, the {@code System.Configuration} resources. Placeholders
 * are {@code {0}}, {@code {1}}, ... and are substituted literally by {@link #format(Object...)}: WCF texts contain quoted
 * placeholders such as {@code '{0}'}, which {@link java.text.MessageFormat} would treat as literals, so it is not used.
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
    ValueMustBeNonNegative("The value of this argument must be non-negative."),
    ConfigInvalidReliableMessagingVersionValue("'{0}' is not a valid reliable messaging version.  Valid values are"
            + " 'WSReliableMessagingFebruary2005' and 'WSReliableMessaging11'."),
    ConfigInvalidClassFactoryValue("The value '{0}' is not a valid instance of type '{1}'."),
    MessageTextEncodingNotSupported("The text encoding '{0}' used in the text message format is not supported."),
    HttpAuthSchemeCannotBeNone("The value specified for the AuthenticationScheme property on the"
            + " HttpTransportBindingElement ('{0}') is not allowed when building a ChannelFactory. If you used a standard"
            + " binding, ensure the ClientCredentialType is not set to HttpClientCredentialType.InheritedFromHost, a value"
            + " which is invalid on a client. If you set the value to '{0}' directly on the HttpTransportBindingElement,"
            + " please set it to Digest, Negotiate, NTLM, Basic, or Anonymous."),
    HttpRequiresSingleAuthScheme("The '{0}' authentication scheme has been specified on the HTTP factory. However, the"
            + " factory only supports specification of exactly one authentication scheme. Valid authentication schemes are"
            + " Digest, Negotiate, NTLM, Basic, or Anonymous."),

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
    MaxBufferSizeMustMatchMaxReceivedMessageSize("For TransferMode.Buffered, MaxReceivedMessageSize and MaxBufferSize"
            + " must be the same value."),
    MaxBufferSizeMustNotExceedMaxReceivedMessageSize("MaxBufferSize must not exceed MaxReceivedMessageSize."),
    MaxReceivedMessageSizeMustBeInIntegerRange("This factory buffers messages, so the message sizes must be in the"
            + " range of an integer value."),
    SecureConversationRequiredByReliableSession("Cannot establish a reliable session without secure conversation."
            + " Enable secure conversation."),
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
    MaxReceivedMessageSizeExceeded("The maximum message size quota for incoming messages ({0}) has been exceeded. To"
            + " increase the quota, use the MaxReceivedMessageSize property on the appropriate binding element."),
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
