// BlockFormats: placeholder until the module lands.
