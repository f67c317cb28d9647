package io.github.wcf4j.runtime.metro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.contract.InstanceContextMode;
import io.github.wcf4j.runtime.contract.OperationDescription;
import io.github.wcf4j.runtime.message.FaultCode;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.service.DispatchFaults;
import io.github.wcf4j.runtime.service.InvocationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetroOperationInvokerTest {
    private static final String NS = "http://Microsoft.ServiceModel.Samples";
    private MetroOperationInvoker invoker;

    @AfterEach
    void close() {
        if (invoker != null) {
            invoker.close();
        }
    }

    private MetroOperationInvoker host(InstanceContextMode mode, boolean debug) {
        invoker = MetroOperationInvoker.create(CalculatorService.class, Calculator.class, CalculatorService::new,
                mode, debug);
        return invoker;
    }

    private static OperationDescription op(String name) {
        return ContractDescription.of(Calculator.class).operationForAction(NS + "/ICalculator/" + name)
                .orElseThrow();
    }

    @Test
    void aPlainInterfaceGetsWcfsNamesOnTheWire() {
        InvocationResult r = host(InstanceContextMode.PerCall, false).invoke(op("Add"),
                new XmlFragment("<Add xmlns=\"" + NS + "\"><n1>2</n1><n2>3</n2></Add>"), null);
        assertEquals(NS + "/ICalculator/AddResponse", r.action());
        assertEquals("<AddResponse xmlns=\"" + NS + "\"><AddResult>5.0</AddResult></AddResponse>",
                r.body().orElseThrow().xml());
    }

    @Test
    void anUnhandledExceptionIsWcfsInternalServiceFault() {
        InvocationResult r = host(InstanceContextMode.PerCall, false).invoke(op("Divide"),
                new XmlFragment("<Divide xmlns=\"" + NS + "\"><n1>1</n1><n2>0</n2></Divide>"), null);
        MessageFault f = r.fault().orElseThrow();
        assertEquals(DispatchFaults.DISPATCHER_FAULT_ACTION, r.action());
        assertEquals(FaultCode.Receiver, f.code());
        assertEquals("InternalServiceFault", f.subcode().orElseThrow().getLocalPart());
        assertEquals(WcfText.SFxInternalServerError.format(), f.reason());
        assertTrue(f.detail().isEmpty());
    }

    @Test
    void withExceptionDetailTheFaultCarriesMessageTypeAndTrace() {
        InvocationResult r = host(InstanceContextMode.PerCall, true).invoke(op("Divide"),
                new XmlFragment("<Divide xmlns=\"" + NS + "\"><n1>1</n1><n2>0</n2></Divide>"), null);
        MessageFault f = r.fault().orElseThrow();
        assertEquals("Divide by zero", f.reason());
        String detail = f.detail().orElseThrow().xml();
        assertTrue(detail.startsWith("<ExceptionDetail xmlns=\"http://schemas.datacontract.org/2004/07/"
                + "System.ServiceModel\""), detail);
        assertTrue(detail.contains("<Message>Divide by zero</Message>"), detail);
        assertTrue(detail.contains("<Type>java.lang.ArithmeticException</Type>"), detail);
    }

    @Test
    void perSessionKeepsOneObjectPerSessionAndPerCallMakesOneEachTime() {
        host(InstanceContextMode.PerSession, false);
        XmlFragment id = new XmlFragment("<InstanceId xmlns=\"" + NS + "\"/>");
        String a1 = invoker.invoke(op("InstanceId"), id, "a").body().orElseThrow().xml();
        String a2 = invoker.invoke(op("InstanceId"), id, "a").body().orElseThrow().xml();
        String b1 = invoker.invoke(op("InstanceId"), id, "b").body().orElseThrow().xml();
        assertEquals(a1, a2);
        assertNotEquals(a1, b1);
        invoker.endSession("a");
        assertNotEquals(a1, invoker.invoke(op("InstanceId"), id, "a").body().orElseThrow().xml());
        // no session (a datagram channel): one object per call, as WCF does
        assertNotEquals(invoker.invoke(op("InstanceId"), id, null).body().orElseThrow().xml(),
                invoker.invoke(op("InstanceId"), id, null).body().orElseThrow().xml());
    }

    @Test
    void aBodyThatIsNotTheOperationsElementIsRefused() {
        InvocationResult r = host(InstanceContextMode.PerCall, false).invoke(op("Add"),
                new XmlFragment("<Subtract xmlns=\"" + NS + "\"><n1>2</n1><n2>3</n2></Subtract>"), null);
        assertTrue(r.fault().orElseThrow().reason().startsWith(
                "Error in deserializing body of request message for operation 'Add'."), r.toString());
    }

    @Test
    void aOneWayOperationHasNoReply() {
        InvocationResult r = host(InstanceContextMode.PerCall, false).invoke(op("Reset"),
                new XmlFragment("<Reset xmlns=\"" + NS + "\"><to>0</to></Reset>"), null);
        assertTrue(r.isNone());
    }
}
