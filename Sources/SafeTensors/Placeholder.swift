// SafeTensors: placeholder until the module lands.
