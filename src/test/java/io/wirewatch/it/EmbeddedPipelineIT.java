package io.wirewatch.it;

/** The pipeline's promises on the embedded KRaft broker (the default everywhere). */
class EmbeddedPipelineIT extends PipelineContract {

  @Override
  String bootstrapServers() {
    return EmbeddedBroker.bootstrapServers();
  }
}
