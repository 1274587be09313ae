package dev.bazaar.eventstore.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Moves one event type's stored JSON from one revision to the next. The same {@link #upcast} serves Axon (aggregates
 * loading, processors replaying) and the raw readers (event stream, audit history, export), so every reader sees one
 * shape.
 */
public abstract class JsonUpcaster extends SingleEventUpcaster {

    private final String payloadType;

    private final String fromRevision;

    private final String toRevision;

    protected JsonUpcaster(Class<?> eventType, String fromRevision, String toRevision) {
        this.payloadType = eventType.getName();
        this.fromRevision = fromRevision;
        this.toRevision = toRevision;
    }

    /** The payload at {@link #toRevision()}, from a copy at {@link #fromRevision()} that may be changed in place. */
    public abstract ObjectNode upcast(ObjectNode payload);

    /** The shape of the payload at {@link #fromRevision()}, as a record, for the schema catalogue. */
    public abstract Class<? extends Record> earlierShape();

    public String payloadType() {
        return payloadType;
    }

    public String fromRevision() {
        return fromRevision;
    }

    public String toRevision() {
        return toRevision;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return payloadType.equals(event.getType().getName()) && fromRevision.equals(event.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType(payloadType, toRevision), JsonNode.class,
                payload -> upcast(((ObjectNode) payload).deepCopy()));
    }

}
