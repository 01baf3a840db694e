package com.weegigs.events.processor.write;

import static com.weegigs.events.processor.write.CompiledModels.constant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.ServiceModel;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.definition.CommandType;
import com.weegigs.events.runtime.definition.EventType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The schemas the schema lock records ({@link Writers#schemas}) are the very text the generated
 * {@code AggregateType} serves at run time, for the state, every command and every event.
 */
class LockSchemasAgreementTest {
  @Test
  void theLockSchemasAreTheSchemasTheGeneratedCodeServes() throws Exception {
    for (ServiceModel service : List.of(TestModels.receipts(), TestModels.shop(), TestModels.edge())) {
      for (AggregateModel aggregate : service.aggregates()) {
        Writers.AggregateSchemas schemas = Writers.schemas(aggregate);
        AggregateType<?, ?> type = (AggregateType<?, ?>) constant(aggregate.names().codecs().canonicalName(), "TYPE");
        assertEquals(type.stateSchema(), schemas.state(), aggregate.wireName());
        Map<String, String> commands = type.commands().values().stream()
            .collect(Collectors.toMap(CommandType::name, CommandType::schema));
        assertEquals(commands, schemas.commands(), aggregate.wireName());
        Map<String, String> events = type.events().values().stream()
            .collect(Collectors.toMap(EventType::name, EventType::schema));
        assertEquals(events, schemas.events(), aggregate.wireName());
      }
    }
  }
}
