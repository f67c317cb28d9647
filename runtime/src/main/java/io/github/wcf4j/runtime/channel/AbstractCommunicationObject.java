package io.github.wcf4j.runtime.channel;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * WCF's communication-object state machine, written once (WCF {@code CommunicationObject}). Subclasses implement
 * {@link #onOpen}, {@link #onClose} and {@link #onAbort}; this class guards the transitions, reports misuse with WCF's
 * texts, and notifies listeners.
 *
 * <ul>
 *   <li>{@code open} is allowed once, in Created (again while Opening or Opened: WCF's "cannot be modified" text; once
 *       faulted, aborted or closed: the faulted or aborted exception); a failed open faults the object.</li>
 *   <li>{@code close} in Created or Opening aborts; in Opened runs {@link #onClose}; a failed close aborts; a second
 *       close returns the first one's future; close of a faulted object aborts it and fails with
 *       {@link CommunicationObjectFaultedException}.</li>
 *   <li>{@link #fault(Throwable)} moves an Opening/Opened object to Faulted and remembers the cause.</li>
 * </ul>
 *
 * <p>Thread-safe: transitions happen under the object's monitor; {@code onOpen}/{@code onClose}/{@code onAbort} and the
 * listeners run outside it.
 */
public abstract class AbstractCommunicationObject implements CommunicationObject {
    private CommunicationState state = CommunicationState.Created;
    private CompletableFuture<Void> closing;
    private Throwable faultCause;
    private boolean aborted;
    private final List<Runnable> faultedListeners = new ArrayList<>(1);
    private final List<Runnable> closedListeners = new ArrayList<>(1);

    /** The type name WCF's texts print, e.g. {@code System.ServiceModel.Channels.ServiceChannel}. */
    protected String wcfTypeName() {
        return getClass().getName();
    }

    @Override
    public final synchronized CommunicationState state() {
        return state;
    }

    /** Opens the object's resources. Called once, in state Opening. */
    protected abstract CompletableFuture<Void> onOpen(Duration timeout);

    /** Closes gracefully. Called once, in state Closing, when the object was Opened. */
    protected abstract CompletableFuture<Void> onClose(Duration timeout);

    /** Releases everything at once; must not fail and must not block. May run after {@code onClose} failed. */
    protected abstract void onAbort();

    /** Called once when the object faults, before the faulted listeners. */
    protected void onFaulted(Throwable cause) {
    }

    @Override
    public final CompletableFuture<Void> open(Duration timeout) {
        synchronized (this) {
            switch (state) {
                case Created -> state = CommunicationState.Opening;
                case Opening, Opened -> {
                    return CompletableFuture.failedFuture(new IllegalStateException(
                            WcfText.CommunicationObjectCannotBeModifiedInState.format(wcfTypeName(), state)));
                }
                default -> { // Closing, Closed, Faulted: as WCF's ThrowIfDisposedOrImmutable
                    return CompletableFuture.failedFuture(faultedOrAborted());
                }
            }
        }
        CompletableFuture<Void> opened;
        try {
            opened = onOpen(timeout);
        } catch (RuntimeException e) {
            opened = CompletableFuture.failedFuture(e);
        }
        return opened.handle((v, e) -> {
            if (e != null) {
                fault(e);
                throw Futures.rethrow(e);
            }
            synchronized (this) {
                if (state == CommunicationState.Opening) {
                    state = CommunicationState.Opened;
                    return null;
                }
            }
            throw faultedOrAborted();
        });
    }

    @Override
    public final CompletableFuture<Void> close(Duration timeout) {
        CommunicationState was;
        synchronized (this) {
            if (closing != null) {
                return closing;
            }
            was = state;
            if (was == CommunicationState.Opened) {
                state = CommunicationState.Closing;
                closing = new CompletableFuture<>();
            }
        }
        if (was != CommunicationState.Opened) {
            abort();
            if (was == CommunicationState.Faulted) {
                return CompletableFuture.failedFuture(faultedException());
            }
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done;
        try {
            done = onClose(timeout);
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> result = closing;
        done.whenComplete((v, e) -> {
            if (e != null) {
                abort();
                result.completeExceptionally(Futures.unwrap(e));
            } else {
                boolean notify;
                synchronized (this) {
                    notify = state == CommunicationState.Closing;
                    state = CommunicationState.Closed;
                }
                if (notify) {
                    runAll(closedListeners);
                }
                result.complete(null);
            }
        });
        return result;
    }

    @Override
    public final void abort() {
        synchronized (this) {
            if (aborted || state == CommunicationState.Closed) {
                return;
            }
            aborted = true;
            state = CommunicationState.Closing;
        }
        try {
            onAbort();
        } finally {
            synchronized (this) {
                state = CommunicationState.Closed;
            }
            runAll(closedListeners);
        }
    }

    /**
     * Moves the object to Faulted (from Opening or Opened) and remembers {@code cause}; later operations fail with
     * WCF's faulted text. Does nothing in other states.
     */
    public final void fault(Throwable cause) {
        synchronized (this) {
            if (state != CommunicationState.Opening && state != CommunicationState.Opened) {
                return;
            }
            state = CommunicationState.Faulted;
            faultCause = Futures.unwrap(cause);
        }
        onFaulted(faultCause);
        runAll(faultedListeners);
    }

    /** Why the object faulted, if it did. */
    public final synchronized Throwable faultCause() {
        return faultCause;
    }

    /**
     * Throws unless the object is Opened, with WCF's text for the state it is in (faulted, aborted or closed, not yet
     * opened).
     */
    protected final void throwIfNotOpened() {
        CommunicationState s;
        synchronized (this) {
            s = state;
        }
        switch (s) {
            case Opened:
                return;
            case Faulted:
                throw faultedException();
            case Closing:
            case Closed:
                throw faultedOrAborted();
            default:
                throw new IllegalStateException(WcfText.CommunicationObjectCannotBeUsed.format(wcfTypeName(), s));
        }
    }

    /**
     * Whether a receive should complete empty at once (WCF's {@code DoneReceivingInCurrentState}): receiving is
     * allowed while Opened and while Closing (messages still arriving during a graceful close are delivered), done once
     * Closed; throws before the object is opened and once it faulted.
     */
    protected final boolean doneReceiving() {
        CommunicationState s;
        synchronized (this) {
            s = state;
        }
        switch (s) {
            case Opened:
            case Closing:
                return false;
            case Closed:
                return true;
            case Faulted:
                throw faultedException();
            default:
                throw new IllegalStateException(WcfText.CommunicationObjectCannotBeUsed.format(wcfTypeName(), s));
        }
    }

    /**
     * A receive from this channel's {@code queue}: empty at once when {@link #doneReceiving done receiving}, else the
     * next item, failing with WCF's receive-timeout text when none arrives within {@code timeout}.
     */
    protected final <T> CompletableFuture<Optional<T>> receiveFrom(InboundQueue<T> queue, Duration timeout) {
        if (doneReceiving()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return queue.take(timeout, () -> WcfText.ReceiveTimedOut.format(WcfTimeSpan.format(timeout)));
    }

    /** The exception for using this object once faulted, with the fault's cause. */
    protected final CommunicationObjectFaultedException faultedException() {
        return new CommunicationObjectFaultedException(WcfText.CommunicationObjectFaulted1.format(wcfTypeName()),
                faultCause());
    }

    private CommunicationException faultedOrAborted() {
        synchronized (this) {
            if (state == CommunicationState.Faulted) {
                return faultedException();
            }
        }
        return new CommunicationObjectAbortedException(WcfText.CommunicationObjectAborted1.format(wcfTypeName()));
    }

    @Override
    public final void onFaulted(Runnable listener) {
        synchronized (this) {
            if (state != CommunicationState.Faulted) {
                faultedListeners.add(listener);
                return;
            }
        }
        listener.run();
    }

    @Override
    public final void onClosed(Runnable listener) {
        synchronized (this) {
            if (state != CommunicationState.Closed) {
                closedListeners.add(listener);
                return;
            }
        }
        listener.run();
    }

    private void runAll(List<Runnable> listeners) {
        List<Runnable> copy;
        synchronized (this) {
            copy = new ArrayList<>(listeners);
            listeners.clear();
        }
        copy.forEach(Runnable::run);
    }
}
