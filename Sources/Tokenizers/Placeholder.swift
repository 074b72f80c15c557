// Tokenizers: placeholder until the module lands.
