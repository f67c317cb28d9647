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
    ConfigStreamUpgradeElementAlreadyInBinding("Cannot add the stream upgrade element '{0}'. Another stream upgrade"
            + " element already exists in the binding '{1}'. There can only be one stream upgrade element for each"
            + " binding."),
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
    SecureConversationNeedsBootstrapSecurity("Cannot create secure conversation binding element based on the binding"
            + " element that is passed in. The security binding element that is used to build the secure conversation"
            + " must be specified."),
    SecureConversationBootstrapCannotUseSecureConversation("Cannot create secure conversation binding element based"
            + " on the binding element that is passed in. The secure conversation bootstrap requires another secure"
            + " conversation which is not supported."),

    // ---- channel-shape negotiation (ChannelRequirements, OneWayBindingElement, BindingContext)
    OneWayInternalTypeNotSupported("Binding '{0}' is not configured properly. OneWayBindingElement requires an inner"
            + " binding element that supports IRequestChannel/IReplyChannel or IDuplexSessionChannel."),
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
    EndpointListenerRequirementsCannotBeMetBy3("ChannelDispatcher requirements cannot be met by the IChannelListener"
            + " for Binding '{0}' since the contract requires support for one of these channel types '{1}' but the"
            + " binding only supports these channel types '{2}'."),

    // ---- System.Configuration wording (config files)
    Config_base_unrecognized_attribute("Unrecognized attribute '{0}'. Note that attribute names are case-sensitive."),
    Config_base_unrecognized_element("Unrecognized element '{0}'."),
    Config_base_required_attribute_missing("Required attribute '{0}' not found."),
    Top_level_validation_error("The value for the property '{0}' is not valid. The error is: {1}"),
    Top_level_conversion_error_from_string("The value of the property '{0}' cannot be parsed. The error is: {1}"),
    Validation_scalar_range_violation_not_in_range("The value must be inside the range {0}-{1}."),
    Config_Invalid_enum_value("The enumeration value must be one of the following: {0}."),
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
