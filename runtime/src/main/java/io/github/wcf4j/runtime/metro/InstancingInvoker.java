package io.github.wcf4j.runtime.metro;

import com.sun.xml.ws.api.message.Packet;
import com.sun.xml.ws.api.server.Invoker;
import com.sun.xml.ws.api.server.WSEndpoint;
import com.sun.xml.ws.api.server.WSWebServiceContext;
import io.github.wcf4j.runtime.contract.InstanceContextMode;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFactory;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.ws.ProtocolException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Metro's call into the service object, with WCF's instancing and error handling: the object is chosen per call by
 * {@link InstanceContextMode} and the session key the dispatcher puts in the packet (calls to one object are admitted
 * by the service model's instance context, which applies the service's {@code ConcurrencyMode}); an exception the operation does not declare is recorded in the
 * packet for the adapter to turn into WCF's {@code InternalServiceFault} (Metro only sees a placeholder fault, so it
 * neither logs it nor builds a fault of its own).
 */
final class InstancingInvoker extends Invoker {
    static final String SESSION = "wcf4j.session";
    static final String UNHANDLED = "wcf4j.unhandledException";
    static final String DECLARED = "wcf4j.declaredFault";

    private final InstanceContextMode mode;
    private final Supplier<?> factory;
    private final ConcurrentHashMap<Object, Object> sessions = new ConcurrentHashMap<>();
    private volatile Object single;

    InstancingInvoker(InstanceContextMode mode, Supplier<?> factory) {
        this.mode = mode;
        this.factory = factory;
    }

    @Override
    public void start(WSWebServiceContext context, WSEndpoint endpoint) {
        // the inherited start(...) calls a deprecated overload that throws; instances are made here, not by Metro
    }

    void endSession(Object key) {
        sessions.remove(key);
    }

    private Object instanceFor(Packet p) {
        return instanceFor(p.invocationProperties.get(SESSION));
    }

    /**
     * Calls {@code m} on the service object for {@code session} ({@code null}: none), one call per object at a time,
     * as Metro's calls are made (the stream operations Metro does not see).
     */
    Object call(Object session, Method m, Object... args) throws InvocationTargetException, IllegalAccessException {
        Object target = instanceFor(session);
        if (!m.canAccess(target)) {
            m.trySetAccessible();
        }
        synchronized (target) {
            return m.invoke(target, args);
        }
    }

    private Object instanceFor(Object key) {
        switch (mode) {
            case PerCall:
                return factory.get();
            case Single: {
                Object s = single;
                if (s == null) {
                    synchronized (this) {
                        s = single;
                        if (s == null) {
                            single = s = factory.get();
                        }
                    }
                }
                return s;
            }
            default: {
                return key == null ? factory.get() : sessions.computeIfAbsent(key, k -> factory.get());
            }
        }
    }

    @Override
    public Object invoke(Packet p, Method m, Object... args) throws InvocationTargetException, IllegalAccessException {
        Object target = instanceFor(p);
        if (!m.canAccess(target)) {
            // Metro hands over the implementation's method: a client's callback instance is often an anonymous or
            // nested class, whose public methods reflection reaches only once made accessible
            m.trySetAccessible();
        }
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (declares(m, cause)) {
                p.invocationProperties.put(DECLARED, cause);
                throw e;
            }
            if (cause instanceof ProtocolException) {
                throw e;
            }
            p.invocationProperties.put(UNHANDLED, cause);
            throw new InvocationTargetException(placeholderFault());
        }
    }

    private static boolean declares(Method m, Throwable t) {
        if (t instanceof RuntimeException || t instanceof Error) {
            return false;
        }
        for (Class<?> c : m.getExceptionTypes()) {
            if (c.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** A fault Metro handles quietly; the adapter replaces it with WCF's. */
    private static SOAPFaultException placeholderFault() {
        try {
            SOAPFault f = SOAPFactory.newInstance(SOAPConstants.SOAP_1_2_PROTOCOL).createFault();
            f.setFaultCode(SOAPConstants.SOAP_RECEIVER_FAULT);
            f.addFaultReasonText("unhandled", Locale.ROOT);
            return new SOAPFaultException(f);
        } catch (SOAPException e) {
            throw new IllegalStateException(e);
        }
    }
}
