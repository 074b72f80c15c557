// BlockQuantization: placeholder until the module lands.
