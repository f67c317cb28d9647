package io.github.wcf4j.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.stack.ChannelSelection;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.stack.SessionMode;
import io.github.wcf4j.binding.standard.BasicHttpBinding;
import io.github.wcf4j.binding.standard.SecurityMode;
import io.github.wcf4j.binding.standard.WsDualHttpBinding;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import jakarta.jws.Oneway;
import jakarta.jws.WebMethod;
import jakarta.jws.WebService;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/** A contract's callback contract: declared beside it, described with its names, and making it duplex. */
class CallbackContractTest {
    private static final String NS = "http://Microsoft.ServiceModel.Samples";

    @WebService(name = "ICalculatorDuplex", targetNamespace = NS)
    @ServiceContract(sessionMode = SessionMode.Required, callbackContract = CalculatorCallback.class)
    interface CalculatorDuplex {
        @Oneway
        void addTo(double n);
    }

    /** Its own {@code @WebService} names nothing: WCF ignores a callback interface's contract attributes. */
    @WebService(name = "Ignored", targetNamespace = "urn:ignored")
    interface CalculatorCallback {
        @Oneway
        @WebMethod(operationName = "Equals")
        void equalTo(double result);

        String equation(String eqn);
    }

    @WebService
    @ServiceContract(callbackContract = Object.class)
    interface ClassAsCallback {
        void op();
    }

    interface Empty {
    }

    @WebService
    @ServiceContract(callbackContract = Empty.class)
    interface EmptyCallback {
        void op();
    }

    private static Binding dual() {
        WsDualHttpBinding d = WsDualHttpBinding.defaults("");
        return new WsDualHttpBinding("", d.timeouts(), d.http(), d.clientBaseAddress(), false, d.reliableSession(),
                d.security().withMode(SecurityMode.None));
    }

    @Test
    void callbackOperationsTakeTheServiceContractsNameAndNamespace() {
        ContractDescription callback = ContractDescription.of(CalculatorDuplex.class).callback().orElseThrow();
        assertEquals(CalculatorCallback.class, callback.type());
        assertEquals("ICalculatorDuplex", callback.name());
        assertEquals(NS, callback.namespace());
        assertEquals(List.of(NS + "/ICalculatorDuplex/Equals", NS + "/ICalculatorDuplex/Equation"),
                callback.operations().stream().map(OperationDescription::action).collect(Collectors.toList()));
        OperationDescription equation = callback.operations().get(1);
        assertEquals(NS + "/ICalculatorDuplex/EquationResponse", equation.replyAction());
        assertEquals(new QName(NS, "Equation"), equation.requestElement());
        assertEquals("EquationResult", equation.result().orElseThrow().name());
        assertTrue(callback.operations().get(0).oneWay());
    }

    @Test
    void theServiceContractKeepsItsOwnOperations() {
        ContractDescription d = ContractDescription.of(CalculatorDuplex.class);
        assertEquals(List.of(NS + "/ICalculatorDuplex/AddTo"),
                d.operations().stream().map(OperationDescription::action).collect(Collectors.toList()));
        assertTrue(d.operationForAction(NS + "/ICalculatorDuplex/Equals").isEmpty(),
                "a callback action is not an operation the service dispatches");
        assertTrue(d.isDuplex());
        assertTrue(d.shape().usesCallbacks());
    }

    @Test
    void aDuplexContractNeedsDuplexChannels() {
        ContractDescription d = ContractDescription.of(CalculatorDuplex.class);
        assertEquals(ChannelShape.DUPLEX_SESSION, ChannelSelection.selectClient(dual(), d.shape()));
        assertEquals(ChannelShape.DUPLEX_SESSION, ChannelSelection.selectService(dual(), d.shape()));
        BindingValidationException e = assertThrows(BindingValidationException.class, () -> ChannelSelection
                .selectClient(BasicHttpBinding.defaults(""), ContractDescription.of(AllowsSessions.class).shape()));
        assertEquals("Contract requires Duplex, but Binding 'BasicHttpBinding' doesn't support it or isn't"
                + " configured properly to support it.", e.getMessage());
        BindingValidationException session = assertThrows(BindingValidationException.class,
                () -> ChannelSelection.selectService(BasicHttpBinding.defaults(""), d.shape()));
        assertEquals(WcfText.BindingDoesnTSupportSessionButContractRequires1, session.text(),
                "WCF checks the session first: SessionMode.Required");
    }

    @Test
    void overCompositeDuplexWithoutASessionADuplexContractThatAllowsSessionsGetsADatagramDuplexChannel() {
        Binding datagram = CustomBinding.of("b", CompositeDuplexBindingElement.defaults(),
                OneWayBindingElement.defaults(), TextMessageEncodingBindingElement.defaults(),
                HttpTransportBindingElement.defaults());
        ContractDescription allowed = ContractDescription.of(AllowsSessions.class);
        assertEquals(ChannelShape.DUPLEX, ChannelSelection.selectClient(datagram, allowed.shape()));
        BindingValidationException e = assertThrows(BindingValidationException.class, () -> ChannelSelection
                .selectClient(datagram, ContractDescription.of(CalculatorDuplex.class).shape()));
        assertEquals(WcfText.BindingDoesnTSupportSessionButContractRequires1, e.text());
    }

    @WebService
    @ServiceContract(callbackContract = CalculatorCallback.class)
    interface AllowsSessions {
        @Oneway
        void op();
    }

    @Test
    void aCallbackContractWithoutOperationsDoesNotMakeAContractDuplex() {
        ContractDescription d = ContractDescription.of(EmptyCallback.class);
        assertTrue(d.callback().isPresent());
        assertFalse(d.isDuplex());
        assertFalse(d.shape().usesCallbacks());
    }

    @Test
    void aCallbackContractMustBeAnInterface() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContractDescription.of(ClassAsCallback.class));
        assertEquals(WcfText.SFxInvalidCallbackContractType.format("java.lang.Object"), e.getMessage());
        assertEquals("The CallbackContract java.lang.Object is invalid because it is not an interface type.",
                e.getMessage());
    }

    @Test
    void withoutOneAContractIsNotDuplex() {
        ContractDescription d = ContractDescription.of(Plain.class);
        assertTrue(d.callback().isEmpty());
        assertFalse(d.isDuplex());
    }

    @WebService
    interface Plain {
        void op();
    }
}
