package org.gongshi.ledger.policy;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;

/**
 * Resolves a handler parameter of type {@link Recording} from the message's metadata. Registered
 * with Axon through {@code META-INF/services}, so the server and the test fixtures resolve it alike.
 */
public class RecordingParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Recording> createInstance(Executable executable, Parameter[] parameters, int index) {
        if (!Recording.class.equals(parameters[index].getType())) return null;
        return new ParameterResolver<>() {
            @Override
            public Recording resolveParameterValue(Message<?> message) {
                return Recording.from(message.getMetaData());
            }

            @Override
            public boolean matches(Message<?> message) {
                return true;
            }
        };
    }
}
