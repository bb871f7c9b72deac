[ true false null builtins import abort throw derivation map toString baseNameOf removeAttrs isNull fetchTarball placeholder scopedImport __nixPath __currentSystem ]
